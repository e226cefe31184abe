import { dictionary } from '../../shared/dictionary.js';
/**
 * Countries for third-party flows: ISO 3166-1 alpha-2 codes, and where personal data may go from the
 * EU without a further transfer mechanism (GDPR Art. 45).
 */

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
const ISO_3166_1 = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

/** `EU` (exceptionally reserved in ISO 3166) is accepted for "somewhere in the EU"; `XK` is the common code for Kosovo. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([...ISO_3166_1, 'EU', 'XK']);

/** Common mistakes and what to write instead. */
export const COUNTRY_ALIASES = dictionary<string>({ UK: 'GB', EL: 'GR' });

/** The EU member states and the EEA (Iceland, Liechtenstein, Norway). */
export const EEA: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO EU'.split(' '),
);

/**
 * Countries with a European Commission adequacy decision (GDPR Art. 45). The United States is not
 * listed: its decision (EU-US Data Privacy Framework) covers only certified organisations, so a flow
 * to the US names `transferMechanism: dpf` (or `scc`, ...). Canada's covers commercial organisations.
 */
export const ADEQUATE: ReadonlySet<string> = new Set('AD AR CA CH FO GB GG IL IM JE JP KR NZ UY'.split(' '));

/** No transfer mechanism needed: within the EEA or a country with an adequacy decision. */
export function needsTransferMechanism(country: string): boolean {
  return !EEA.has(country) && !ADEQUATE.has(country);
}

let names: Intl.DisplayNames | undefined;

/** "United States (US)" for messages; just the code when the runtime has no name for it. */
export function countryName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' });
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
