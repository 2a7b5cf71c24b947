// ISO 3166-1 alpha-2 → alpha-3 for PAXLST NAT and LOC+91 (the WCO/IATA guide asks for alpha-3; the
// canonical model keeps alpha-2). Covers the countries airline API data commonly carries.
const TABLE =
  'AE ARE AF AFG AL ALB AM ARM AO AGO AR ARG AT AUT AU AUS AZ AZE BA BIH BD BGD BE BEL BG BGR BH BHR BR BRA BY BLR CA CAN CD COD CH CHE ' +
  'CI CIV CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CY CYP CZ CZE DE DEU DK DNK DO DOM DZ DZA EC ECU EE EST EG EGY ES ESP ET ETH FI FIN ' +
  'FR FRA GB GBR GE GEO GH GHA GR GRC HK HKG HR HRV HU HUN ID IDN IE IRL IL ISR IN IND IQ IRQ IR IRN IS ISL IT ITA JM JAM JO JOR JP JPN ' +
  'KE KEN KG KGZ KH KHM KR KOR KW KWT KZ KAZ LB LBN LK LKA LT LTU LU LUX LV LVA LY LBY MA MAR MD MDA ME MNE MK MKD MT MLT MU MUS MX MEX ' +
  'MY MYS NG NGA NL NLD NO NOR NP NPL NZ NZL OM OMN PA PAN PE PER PH PHL PK PAK PL POL PT PRT QA QAT RO ROU RS SRB RU RUS RW RWA SA SAU ' +
  'SE SWE SG SGP SI SVN SK SVK SN SEN SY SYR TH THA TN TUN TR TUR TW TWN TZ TZA UA UKR UG UGA US USA UY URY UZ UZB VE VEN VN VNM ZA ZAF ZM ZMB ZW ZWE';

const ALPHA3 = new Map<string, string>();
const parts = TABLE.split(' ');
for (let i = 0; i + 1 < parts.length; i += 2) ALPHA3.set(parts[i] as string, parts[i + 1] as string);

/** The alpha-3 code, or undefined when the table does not know the country. */
export function alpha3(alpha2: string | undefined): string | undefined {
  return alpha2 === undefined ? undefined : ALPHA3.get(alpha2.toUpperCase());
}
