import { Classifier } from '../../src/classifier/classifier.js';
import { foldAccents, singularCandidates, splitWords } from '../../src/classifier/normalise.js';

const classifier = Classifier.default();

describe('tokens: every naming style reduces to the same canonical tokens', () => {
  test.each([
    ['customerEmailAddress', ['customer', 'email', 'address']],
    ['CustomerEmailAddress', ['customer', 'email', 'address']],
    ['customer_email_address', ['customer', 'email', 'address']],
    ['customer-email-address', ['customer', 'email', 'address']],
    ['CUSTOMER_EMAIL_ADDRESS', ['customer', 'email', 'address']],
    ['customer.emailAddress', ['customer', 'email', 'address']],
    ['_email', ['email']],
    ['$email', ['email']],
    ['#email', ['email']],
    ['__email__', ['email']],
    ['e-mail', ['email']],
    ['eMail', ['email']],
    ['EMail', ['email']],
    ['address1', ['address', '1']],
    ['addressLine2', ['address', 'line', '2']],
    ['address_line_2', ['address', 'line', '2']],
    ['addr2', ['address', '2']],
    ['ipv4', ['ipv4']],
    ['IPv4Address', ['ipv4', 'address']],
    ['clientIPv6', ['client', 'ipv6']],
    ['userIDs', ['user', 'id']],
    ['IPAddress', ['ip', 'address']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['OAuthToken', ['oauth', 'token']],
    ['ph_no', ['phone', 'number']],
    ['phNo', ['phone', 'number']],
    ['mob_no', ['mobile', 'number']],
    ['cc_num', ['cc', 'number']],
    ['acct_no', ['account', 'number']],
    ['pwd', ['password']],
    ['tel', ['telephone']],
    ['no', ['no']],
    ['ph', ['ph']],
    ['firstname', ['first', 'name']],
    ['firstName', ['first', 'name']],
    ['FIRSTNAME', ['first', 'name']],
    ['username', ['user', 'name']],
    ['zipcode', ['zip', 'code']],
    ['dateofbirth', ['date', 'of', 'birth']],
    ['emails', ['email']],
    ['addresses', ['address']],
    ['allergies', ['allergy']],
    ['recoveryCodes', ['recovery', 'code']],
    ['cookies', ['cookie']],
    ['status', ['status']],
    ['teléfono', ['telefono']],
    ['Straße', ['strasse']],
    ['endereço', ['endereco']],
    ['imię', ['imie']],
    ['numéroSécuritéSociale', ['numero', 'securite', 'sociale']],
    ['氏名', ['氏名']],
    ['電話番号', ['電話番号']],
    ['IPアドレス', ['ip', 'アドレス']],
    ['ドライバー', ['ドライバー']],
    ['drivingLicence', ['driving', 'license']],
    ['under13', ['under', '13']],
    ['cardLast4', ['card', 'last4']],
    ['phoneE164', ['phone', 'e164']],
    ['h3Index', ['h3', 'index']],
    ['', []],
    ['___', []],
  ])('%s -> %j', (name, tokens) => expect(classifier.tokens(name)).toEqual(tokens));
});

describe('building blocks', () => {
  test('splitWords keeps raw words (no abbreviation expansion)', () => {
    expect(splitWords('ph_NoValue')).toEqual(['ph', 'no', 'value']);
    expect(splitWords('getHTTPResponse2xx')).toEqual(['get', 'http', 'response2xx']);
  });
  test('foldAccents only touches Latin letters', () => {
    expect(foldAccents('Ångström-çà')).toBe('Angstrom-ca');
    expect(foldAccents('ガス')).toBe('ガス');
    expect(foldAccents('Łódź œuvre')).toBe('Lodz oeuvre');
  });
  test('singular candidates', () => {
    expect(singularCandidates('allergies')).toEqual(['allergie', 'allergy', 'allergi']);
    expect(singularCandidates('address')).toEqual([]);
    expect(singularCandidates('ids')).toEqual(['id']);
    expect(singularCandidates('id')).toEqual([]);
  });
});
