import { Classifier } from '../../src/classifier/classifier.js';

const c = Classifier.default();

test.each([
  ['TSegmentFilter', true],
  ['TBaseFilters', true],
  ['filters', true],
  ['where', true],
  ['UserQuery', true],
  ['SegmentCriteriaInput', true],
  ['conditions', true],
  // A query's result holds what it found; a filter's owner is not a filter.
  ['QueryResponse', false],
  ['QueryResult', false],
  ['FilterUserDto', false],
  ['User', false],
  ['personIdentifier', false],
])('%s defines a selection: %s', (name, expected) => {
  expect(c.isSelection(name)).toBe(expected);
});

test.each([
  ['ZToggleInputConfig', true],
  ['ToggleInputConfig', true],
  ['FieldOptions', true],
  ['Address', false],
  ['UserName', false],
])('%s is a configuration type: %s', (name, expected) => {
  expect(c.isConfigType(name)).toBe(expected);
});
