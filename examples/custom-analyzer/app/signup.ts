import { createClient, telemetry } from '@acme/telemetry';

interface User {
  id: string;
  email: string;
  displayName: string;
}

const events = createClient({ service: 'shop' });

export function onSignup(user: User): void {
  // expect: data-flow[acme-telemetry] user.contact.email, user.name
  telemetry.identify(user.id, { email: user.email, name: user.displayName });
  // ok: data-flow
  telemetry.emit('signup', { plan: 'free' });
  // expect: data-flow[acme-telemetry] user.contact.email
  events.emit('welcome-mail-sent', { to: user.email });
}

// Another client's emit is not Acme's.
const bus = { emit: (_event: string, _data: unknown) => undefined };
export function notify(user: User): void {
  // ok: data-flow
  bus.emit('user', { email: user.email });
}
