import mailchimp from '@mailchimp/mailchimp_marketing';
import type { User } from '../models/user.entity';
import { logger } from '../lib/logger';

mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_KEY ?? '', server: 'us21' });

const LIST_ID = 'a1b2c3';

/** Subscribe a customer to the newsletter. */
export async function subscribe(user: User) {
  await mailchimp.lists.addListMember(LIST_ID, {
    email_address: user.email,
    status: 'subscribed',
    merge_fields: { FNAME: user.firstName },
  });
  logger.info(`newsletter: subscribed ${user.email}`);
}
