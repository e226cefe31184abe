import { detectPurposeDrift } from '../../src/review/drift.js';
import { finding, reviewed } from './factory.js';

const field = finding('pii-field', ['user.contact.email', 'user.name']);
const toSegment = finding('data-flow', ['user.contact.email'], { sinkId: 'segment' });

test('existing data sent to a destination it never reached is drift', () => {
  const toOpenai = finding('data-flow', ['user.contact.email', 'user.demographic.date_of_birth'], { sinkId: 'openai' });
  const drift = detectPurposeDrift([reviewed(toOpenai, 'new')], [field, toSegment]);
  expect(drift).toEqual([
    expect.objectContaining({
      sink: 'openai',
      existingCategories: ['user.contact.email'],
      message: expect.stringMatching(/goes for the first time to `openai`/),
    }),
  ]);
});

test('existing data that newly reaches a known destination with another category is drift too', () => {
  const more = finding('data-flow', ['user.name'], { sinkId: 'segment' });
  expect(detectPurposeDrift([reviewed(more, 'new')], [field, toSegment])).toEqual([
    expect.objectContaining({ sink: 'segment', existingCategories: ['user.name'] }),
  ]);
});

test.each([
  ['a flow the base already had', reviewed(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }), 'new')],
  ['brand-new data (collected by this PR)', reviewed(finding('data-flow', ['user.biometric'], { sinkId: 'openai' }), 'new')],
  ['an unchanged flow', reviewed(finding('data-flow', ['user.contact.email'], { sinkId: 'openai' }), 'unchanged')],
  ['a log call', reviewed(finding('pii-logging', ['user.contact.email']), 'new')],
])('no drift for %s', (_name, r) => {
  expect(detectPurposeDrift([r], [field, toSegment])).toEqual([]);
});
