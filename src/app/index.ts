import { createPrivacyReview } from './app.js';
import { optionsFromEnv } from './options.js';

export { createPrivacyReview, type PrivacyReview, type PrivacyReviewOptions } from './app.js';
export { createSafeLogger } from './log.js';

/** For `probot run ./dist/src/app/index.js`; `npm start` (main.ts) adds the payload-free logger. */
export default createPrivacyReview({ ...optionsFromEnv(process.env), warm: true }).app;
