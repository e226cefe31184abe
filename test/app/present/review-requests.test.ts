import { reviewRequest } from '../../../src/app/present/review-requests.js';
import { DEFAULT_SETTINGS } from '../../../src/app/config/types.js';

/** Whom to ask for a review: once, never the author, only teams of the owner. */
const settings = {
  ...DEFAULT_SETTINGS,
  reviewers: { users: ['priv', 'dev', 'busy', 'done'], teams: ['acme/privacy', 'other/legal', 'acme/already'], required: 1 },
};
const state = {
  author: 'dev',
  owner: 'acme',
  requestedUsers: ['Busy'],
  requestedTeams: ['already'],
  reviewed: ['done'],
  askedBefore: false,
};

test('listed users and owner teams not yet asked', () => {
  expect(reviewRequest(settings, state)).toEqual({ reviewers: ['priv'], team_reviewers: ['privacy'] });
});

test('never twice', () => {
  expect(reviewRequest(settings, { ...state, askedBefore: true })).toBeUndefined();
});

test('nobody left to ask', () => {
  expect(reviewRequest({ ...settings, reviewers: { users: ['dev'], teams: ['other/legal'], required: 1 } }, state)).toBeUndefined();
});
