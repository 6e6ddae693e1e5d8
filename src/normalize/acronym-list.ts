/**
 * Acronyms a newsreader spells out letter by letter. Kept as data so that it
 * can grow without touching the rules.
 */
export const SPELLED_ACRONYMS: ReadonlySet<string> = new Set(
  `
  US USA UK UN EU UAE DRC PRC ROK DPRK GB NZ
  FBI CIA NSA NSC DEA ATF IRS CDC NIH FDA EPA SEC FTC FCC DOJ DHS DOD DOE FAA TSA NTSB NHTSA USDA HUD
  NYPD LAPD GOP DNC RNC MP MEP MSP PM CEO CFO COO CTO CIO HR PR AI IT ID IQ TV PC CD DVD EV SUV ATM VAT VIP
  KCNA AFP AP BBC CNN CBS NBC ABC ITV NPR PBS HBO ESPN CNBC MSNBC RTE ZDF ARD RAI NHK CCTV KBS DPA EFE PTI
  GDP GNP CPI RPI PMI IPO ETF ESG FX LNG IMF WTO WHO ECB BIS OECD ADB EBRD IEA IAEA WFP FAO ILO UNHCR UNDP UNEP
  UNGA UNSC UNFCCC ICC ICJ ECJ ECHR OSCE TEU NHS BBC GCSE NCA CPS MOD RAF RN SAS CBI TUC RMT
  IRA ANC DUP SNP SDLP PLO IDF IRGC PKK YPG SDF KGB FSB GRU SBU CDU CSU SPD FDP AKP BJP PPP LDP
  HIV STD MRI DNA RNA ICU GP NGO CO PLC NV AG SA SE LLC LLP BHP BP HSBC RBS UBS IBM HP GE GM VW BMW
  NBA NFL NHL MLB NCAA UFC FA PGA FIA IOC WWF RSPCA RSPB UCL LSE MIT UCLA NYU
  URL PDF SMS USB CPU GPU LED LCD TNT ICBM SLBM UAV EMT ETA MH ER
`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Acronyms read as words, written lower-case so that no engine spells them. */
export const WORD_ACRONYMS: ReadonlySet<string> = new Set(
  `
  NATO UNESCO NASA OPEC UNICEF AIDS COVID FIFA UEFA NAFTA ASEAN APEC BRICS FEMA ISIS ISIL SARS MERS NIMBY
  LASER RADAR SCUBA OFCOM OFSTED OFGEM OFWAT INTERPOL EUROPOL FRONTEX MERCOSUR SWIFT DAX NASDAQ PIN HAMAS FATAH
  FARC ACAS NICE UNITA SWAPO SEATO CENTCOM AWOL CAPTCHA SIM WIFI OSHA MEDEVAC GIF ANZAC ANZUS SALT START ECOWAS
  COP QUANGO TASER
`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Acronyms with a spoken form of their own. Keys are case-sensitive. */
export const ACRONYM_SPOKEN_FORMS: Readonly<Record<string, string>> = {
  FTSE: 'footsie',
  CERN: 'sern',
  IEEE: 'I triple E',
  NAACP: 'N double A C P',
  AAA: 'triple A',
  UNRWA: 'unrah',
  JPEG: 'jay peg',
  UKIP: 'you kip',
  WWI: 'World War one',
  WWII: 'World War two',
  PhD: 'P H D',
  PhDs: "P H D's",
  GmbH: 'G M B H',
  OK: 'okay',
  'S&P': 'S and P',
  'AT&T': 'A T and T',
  'M&S': 'M and S',
  'P&O': 'P and O',
  'R&D': 'R and D',
  'A&E': 'A and E',
  'Q&A': 'Q and A',
};

/**
 * Listed acronyms that are also everyday words: inside an ALL-CAPS heading
 * they are read as the word ("WHO IS TO BLAME").
 */
export const CAPS_CONTEXT_WORDS: ReadonlySet<string> = new Set(['WHO', 'IT', 'ID', 'CO', 'PR', 'AG', 'SA', 'SE', 'ER', 'ETA', 'NICE', 'PIN', 'SALT', 'START', 'SWIFT', 'COP', 'RN', 'AP']);
