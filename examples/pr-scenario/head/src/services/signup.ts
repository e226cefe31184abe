import { Analytics } from '@segment/analytics-node';
import type { User } from '../models/user.entity';
import { logger } from '../lib/logger';
import { maskEmail } from '../lib/mask';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });

export async function onSignup(user: User, password: string) {
  // Fine: an opaque id and a masked address.
  logger.info({ userId: user.id }, 'user signed up');
  logger.debug(`confirmation sent to ${maskEmail(user.email)}`);
  // Redacted by the logger's `redact` option.
  logger.debug({ password }, 'password set');

  // Leak: the full name ends up in the logs.
  logger.info(`Welcome ${user.firstName} ${user.lastName}!`);

  // Flow to a third party: needs a declaration in the data-flow manifest.
  analytics.identify({ userId: user.id, traits: { email: user.email, firstName: user.firstName, phone: user.phone } });
}
