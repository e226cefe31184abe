/**
 * The repository the end-to-end walk reviews, at four commits: `main` (the merge base) and three
 * pushes to the pull request. v1 sends an email address to Segment (undeclared), v2 changes
 * nothing a reviewer is asked about (same fingerprint), v3 adds a flow to Mailchimp.
 */
const USER = `export interface User {
  id: string;
  email: string;
  firstName: string;
}
`;

const BASE: Record<string, string> = {
  'package.json': '{ "name": "shop", "private": true }\n',
  'src/models/user.ts': USER,
  'src/services/signup.ts': `import type { User } from '../models/user';

export async function onSignup(user: User) {
  return user.id;
}
`,
};

const V1: Record<string, string> = {
  ...BASE,
  'src/services/signup.ts': `import { Analytics } from '@segment/analytics-node';
import type { User } from '../models/user';

const analytics = new Analytics({ writeKey: 'k' });

export async function onSignup(user: User) {
  analytics.identify({ userId: user.id, traits: { email: user.email } });
  return user.id;
}
`,
};

const V2: Record<string, string> = {
  ...V1,
  'src/version.ts': '// Bumped for the release notes.\nexport const VERSION = 2;\n',
};

const V3: Record<string, string> = {
  ...V2,
  'src/services/newsletter.ts': `import mailchimp from '@mailchimp/mailchimp_marketing';
import type { User } from '../models/user';

export async function subscribe(user: User) {
  await mailchimp.lists.addListMember('list', { email_address: user.email, status: 'subscribed' });
}
`,
};

export const COMMITS = {
  base: { sha: '0'.repeat(39) + '1', files: BASE },
  v1: { sha: '1'.repeat(40), files: V1 },
  v2: { sha: '2'.repeat(40), files: V2 },
  v3: { sha: '3'.repeat(40), files: V3 },
};
