import Stripe from 'stripe';
import type { User } from '../models/user.entity';
import type { PaymentDetails } from '../models/payment';
import { logger } from '../lib/logger';

const stripe = new Stripe(process.env.STRIPE_KEY ?? '');
const CRM_URL = 'https://crm.example.com/api/contacts';

export async function charge(user: User, card: PaymentDetails, amount: number) {
  const customer = await stripe.customers.create({ email: user.email, name: `${user.firstName} ${user.lastName}` });
  if (amount <= 0) {
    // Leak: card data in an error log.
    logger.error({ card }, 'invalid amount');
    throw new Error(`Invalid amount for card ${card.cardNumber}`);
  }
  await fetch(CRM_URL, { method: 'POST', body: JSON.stringify({ phone: user.phone, stripeId: customer.id }) });
  return customer.id;
}
