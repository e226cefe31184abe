import { Classifier } from '../../src/classifier/classifier.js';
import { fitsType, shapeOfCategory } from '../../src/classifier/type-hints.js';
import { K, ctxOf, type Row } from './helpers.js';

const classifier = Classifier.default();

describe('the TypeScript type of a value decides whether the name can be the data', () => {
  const rows: Row[] = [
    // identifier-like text: strings only
    ['email', ':string', K.EMAIL, 'high'],
    ['email', ':unknown', K.EMAIL, 'high'],
    ['email', ':array', K.EMAIL, 'high'],
    ['email', ':number', null, null],
    ['email', ':boolean', null, null],
    ['email', ':enum', null, null],
    ['email', ':object', null, null],
    ['email', ':date', null, null],
    ['email', ':function', null, null],
    ['emailVerified', ':boolean', null, null],
    ['username', ':object', null, null],
    ['username', ':number', null, null],
    ['password', ':number', null, null],
    ['password', ':object', null, null],
    ['token', ':object', null, null],
    ['sessionId', ':number', null, null],
    ['credentials', ':object', K.CREDENTIALS, 'high'],
    ['name', 'p:enum', null, null],
    ['name', 'p:number', null, null],
    ['name', 'p:string', K.NAME, 'medium'],
    ['firstName', ':enum', null, null],
    ['firstName', ':boolean', null, null],
    ['address', ':object', K.ADDRESS, 'medium'],
    ['address', ':number', null, null],
    ['location', 'p:object', K.LOCATION, 'medium'],
    ['ip', ':object', K.IP, 'high'],
    // numbers for numeric-capable categories
    ['phoneCount', ':number', null, null],
    ['phone', ':number', K.PHONE, 'high'],
    ['phone', ':bigint', K.PHONE, 'high'],
    ['phone', ':object', K.PHONE, 'high'],
    ['zip', 'p:number', K.ZIP, 'medium'],
    ['ssn', ':number', K.NATIONAL_ID, 'high'],
    ['cardNumber', ':number', K.CARD, 'high'],
    ['cardNumber', ':bigint', K.CARD, 'high'],
    ['cvv', ':number', K.CVV, 'high'],
    ['age', 'p:number', K.AGE, 'medium'],
    ['salary', ':number', K.INCOME, 'high'],
    ['lat', ':number', K.PRECISE, 'medium'],
    ['heartRate', ':number', K.HEALTH, 'high'],
    ['creditScore', ':number', K.CREDIT, 'high'],
    ['weight', 'p:number', K.HEALTH, 'medium'],
    ['height', 'p:number', K.HEALTH, 'medium'],
    ['deviceId', ':number', K.DEVICE_ID, 'high'],
    ['imei', ':bigint', K.DEVICE_ID, 'high'],
    ['userId', ':number', K.UNIQUE_ID, 'high'],
    ['id', 'p:number', K.UNIQUE_ID, 'low'],
    ['houseNumber', ':number', K.STREET, 'high'],
    ['latitude', ':string', K.PRECISE, 'medium'],
    // enums for attributes
    ['gender', ':enum', K.GENDER, 'high'],
    ['gender', ':number', K.GENDER, 'high'],
    ['gender', ':boolean', null, null],
    ['race', ':enum', K.RACE, 'medium'],
    ['religion', ':enum', K.RELIGION, 'high'],
    ['bloodType', ':enum', K.HEALTH, 'high'],
    ['maritalStatus', ':enum', K.MARITAL, 'high'],
    ['ageRange', ':enum', K.AGE, 'high'],
    ['sexualOrientation', ':enum', K.ORIENTATION, 'high'],
    ['age', 'p:enum', K.AGE, 'medium'],
    ['country', 'p:enum', K.COUNTRY, 'low'],
    ['state', 'p:enum', K.STATE, 'low'],
    ['jobTitle', ':enum', K.JOB, 'high'],
    ['immigrationStatus', ':enum', K.IMMIGRATION, 'high'],
    ['phone', ':enum', null, null],
    ['street', ':enum', null, null],
    // dates only for date-like categories
    ['birthDate', ':date', K.DOB, 'high'],
    ['dob', ':date', K.DOB, 'high'],
    ['dob', ':number', K.DOB, 'high'],
    ['dob', ':string', K.DOB, 'high'],
    ['birthYear', ':number', K.DOB, 'medium'],
    ['admissionDate', ':date', K.HEALTH, 'medium'],
    ['dischargeDate', ':date', K.HEALTH, 'medium'],
    ['dateOfDeath', ':date', K.HEALTH, 'high'],
    ['createdAt', ':date', null, null],
    ['emailSentAt', ':date', null, null],
    ['lastLogin', ':date', null, null],
    ['diagnosis', ':date', null, null],
    ['phone', ':date', null, null],
    // booleans only for sensitive predicates
    ['isPregnant', ':boolean', K.HEALTH, 'high'],
    ['pregnant', ':boolean', K.HEALTH, 'high'],
    ['hasDisability', ':boolean', K.HEALTH, 'high'],
    ['disability', ':boolean', K.HEALTH, 'high'],
    ['isMinor', ':boolean', K.CHILDREN, 'high'],
    ['under13', ':boolean', K.CHILDREN, 'high'],
    ['hivPositive', ':boolean', K.HEALTH, 'high'],
    ['isUnionMember', ':boolean', K.UNION, 'high'],
    ['unionMember', ':boolean', K.UNION, 'high'],
    ['isSmoker', ':boolean', K.HEALTH, 'high'],
    ['marketingOptIn', ':boolean', K.PRIVACY, 'medium'],
    ['consent', 'p:boolean', K.PRIVACY, 'low'],
    ['hasCriminalRecord', ':boolean', K.CRIMINAL, 'high'],
    ['parentalConsent', ':boolean', K.CHILDREN, 'high'],
    ['isMale', ':boolean', null, null],
    ['isAdmin', ':boolean', null, null],
    ['isVerified', ':boolean', null, null],
    ['emailOptIn', ':boolean', null, null],
    ['diagnosis', ':boolean', null, null],
    ['ssn', ':boolean', null, null],
    ['mobile', 'p:boolean', null, null],
    // functions never
    ['phone', ':function', null, null],
    ['getEmail', ':function', null, null],
    ['isPregnant', ':function', null, null],
    ['cookie', 'p:object', K.COOKIE, 'medium'],
  ];
  test.each(rows)('%s [%s] -> %s %s', (name, flags, category, confidence) => {
    const got = classifier.classify(name, ctxOf(flags));
    expect({ category: got?.category ?? null, confidence: got?.confidence ?? null }).toEqual({ category, confidence });
  });
});

describe('shapes', () => {
  test.each([
    ['user.contact.email', 'strict'],
    ['user.contact.phone_number', 'numeric'],
    ['user.demographic.gender', 'attribute'],
    ['user.demographic.date_of_birth', 'date'],
    ['user.name.first', 'text'],
    ['user.government_id.passport_number', 'numeric'],
    ['user.authorization.password', 'strict'],
    ['user.loyalty.tier', 'text'],
  ])('%s is %s', (category, shape) => expect(shapeOfCategory(category)).toBe(shape));

  test('no hint fits everything but a predicate-free boolean', () => {
    expect(fitsType('strict', false, undefined)).toBe(true);
    expect(fitsType('strict', false, 'unknown')).toBe(true);
    expect(fitsType('attribute', false, 'boolean')).toBe(false);
    expect(fitsType('attribute', true, 'boolean')).toBe(true);
    expect(fitsType('date', true, 'function')).toBe(false);
  });
});
