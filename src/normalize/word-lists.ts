/** Full month names by their written forms (full and abbreviated, capitalised). */
export const MONTHS: ReadonlyMap<string, string> = new Map([
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map(
    (month) => [month, month] as const,
  ),
  ['Jan', 'January'],
  ['Feb', 'February'],
  ['Mar', 'March'],
  ['Apr', 'April'],
  ['Jun', 'June'],
  ['Jul', 'July'],
  ['Aug', 'August'],
  ['Sep', 'September'],
  ['Sept', 'September'],
  ['Oct', 'October'],
  ['Nov', 'November'],
  ['Dec', 'December'],
]);

/** Month names in order, for numeric dates. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Weekday abbreviations. */
export const WEEKDAYS: ReadonlyMap<string, string> = new Map([
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Tues', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Thur', 'Thursday'],
  ['Thurs', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
]);

/** Weekday abbreviations that are never ordinary words, expanded whenever followed by a full stop. */
export const UNAMBIGUOUS_WEEKDAYS: ReadonlySet<string> = new Set(['Tues', 'Wed', 'Thur', 'Thurs']);

/** How a title is said before a name. */
export interface TitleAbbreviation {
  /** The title in full: "Mister". */
  spoken: string;
  /** True when the written form without a full stop is also the title (UK style "Mr", "Dr"). */
  withoutStop: boolean;
}

/** Titles read before a capitalised name. */
export const TITLES: ReadonlyMap<string, TitleAbbreviation> = new Map([
  ['Mr', { spoken: 'Mister', withoutStop: true }],
  ['Mrs', { spoken: 'Missus', withoutStop: true }],
  ['Ms', { spoken: 'Miz', withoutStop: true }],
  ['Mx', { spoken: 'Mix', withoutStop: true }],
  ['Prof', { spoken: 'Professor', withoutStop: true }],
  ['Gen', { spoken: 'General', withoutStop: false }],
  ['Sen', { spoken: 'Senator', withoutStop: false }],
  ['Rep', { spoken: 'Representative', withoutStop: false }],
  ['Gov', { spoken: 'Governor', withoutStop: false }],
  ['Pres', { spoken: 'President', withoutStop: false }],
  ['Lt', { spoken: 'Lieutenant', withoutStop: true }],
  ['Col', { spoken: 'Colonel', withoutStop: true }],
  ['Capt', { spoken: 'Captain', withoutStop: true }],
  ['Cmdr', { spoken: 'Commander', withoutStop: true }],
  ['Sgt', { spoken: 'Sergeant', withoutStop: true }],
  ['Cpl', { spoken: 'Corporal', withoutStop: true }],
  ['Pte', { spoken: 'Private', withoutStop: false }],
  ['Maj', { spoken: 'Major', withoutStop: false }],
  ['Adm', { spoken: 'Admiral', withoutStop: false }],
  ['Brig', { spoken: 'Brigadier', withoutStop: false }],
  ['Insp', { spoken: 'Inspector', withoutStop: true }],
  ['Supt', { spoken: 'Superintendent', withoutStop: true }],
  ['Det', { spoken: 'Detective', withoutStop: false }],
  ['Rev', { spoken: 'Reverend', withoutStop: false }],
  ['Revd', { spoken: 'Reverend', withoutStop: true }],
  ['Fr', { spoken: 'Father', withoutStop: false }],
  ['Hon', { spoken: 'Honourable', withoutStop: false }],
  ['Mt', { spoken: 'Mount', withoutStop: true }],
  ['Ft', { spoken: 'Fort', withoutStop: false }],
  ['Pt', { spoken: 'Point', withoutStop: false }],
]);

/** Abbreviations read after a name or word: "Main St." → "Main Street". */
export const PLACE_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['St', 'Street'],
  ['Rd', 'Road'],
  ['Ave', 'Avenue'],
  ['Blvd', 'Boulevard'],
  ['Ln', 'Lane'],
  ['Sq', 'Square'],
  ['Hwy', 'Highway'],
  ['Pl', 'Place'],
  ['Jr', 'Junior'],
  ['Sr', 'Senior'],
  ['Inc', 'Incorporated'],
  ['Corp', 'Corporation'],
  ['Ltd', 'Limited'],
  ['Bros', 'Brothers'],
]);

/** Abbreviations read the same wherever they are, when written with a full stop. */
export const DOTTED_WORDS: ReadonlyMap<string, string> = new Map([
  ['vs', 'versus'],
  ['etc', 'et cetera'],
  ['approx', 'approximately'],
  ['dept', 'department'],
  ['est', 'established'],
  ['govt', 'government'],
  ['intl', 'international'],
  ['cf', 'compare'],
  ['viz', 'namely'],
]);

/** Abbreviations read the same wherever they are, with or without a full stop. */
export const PLAIN_WORDS: ReadonlyMap<string, string> = new Map([
  ['vs', 'versus'],
  ['etc', 'et cetera'],
  ['approx', 'approximately'],
  ['govt', 'government'],
  ['Govt', 'Government'],
]);

/** Letter abbreviations written with full stops. */
export const DOTTED_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['e.g.', 'for example'],
  ['i.e.', 'that is'],
  ['a.m.', 'a m'],
  ['p.m.', 'p m'],
  ['A.M.', 'a m'],
  ['P.M.', 'p m'],
  ['n.b.', 'note'],
  ['N.B.', 'note'],
  ['c.f.', 'compare'],
  ['q.v.', 'which see'],
]);

/** A currency and its words. */
export interface Currency {
  /** "euro" */
  singular: string;
  /** "euros" */
  plural: string;
  /** "cent", when amounts are given in hundredths. */
  minorSingular?: string;
  /** "cents" */
  minorPlural?: string;
}

const dollar: Currency = { singular: 'dollar', plural: 'dollars', minorSingular: 'cent', minorPlural: 'cents' };
const euro: Currency = { singular: 'euro', plural: 'euros', minorSingular: 'cent', minorPlural: 'cents' };
const pound: Currency = { singular: 'pound', plural: 'pounds', minorSingular: 'penny', minorPlural: 'pence' };
const yen: Currency = { singular: 'yen', plural: 'yen' };
const zloty: Currency = { singular: 'zloty', plural: 'zloty', minorSingular: 'grosz', minorPlural: 'groszy' };
const prefixed = (prefix: string, base: Currency): Currency => ({
  ...base,
  singular: `${prefix} ${base.singular}`,
  plural: `${prefix} ${base.plural}`,
});

/** Currency symbols written before (or after) an amount. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, Currency> = new Map([
  ['$', dollar],
  ['€', euro],
  ['£', pound],
  ['¥', yen],
  ['₹', { singular: 'rupee', plural: 'rupees', minorSingular: 'paisa', minorPlural: 'paise' }],
  ['₩', { singular: 'won', plural: 'won' }],
  ['₽', { singular: 'rouble', plural: 'roubles', minorSingular: 'kopek', minorPlural: 'kopeks' }],
  ['₺', { singular: 'lira', plural: 'lira' }],
  ['₪', { singular: 'shekel', plural: 'shekels' }],
  ['₴', { singular: 'hryvnia', plural: 'hryvnias' }],
  ['₦', { singular: 'naira', plural: 'naira' }],
  ['₱', { singular: 'peso', plural: 'pesos' }],
  ['₫', { singular: 'dong', plural: 'dong' }],
  ['₿', { singular: 'bitcoin', plural: 'bitcoins' }],
]);

/** Letter prefixes of `$`: "US$5", "A$5". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, Currency> = new Map([
  ['US', prefixed('US', dollar)],
  ['A', prefixed('Australian', dollar)],
  ['AU', prefixed('Australian', dollar)],
  ['C', prefixed('Canadian', dollar)],
  ['CA', prefixed('Canadian', dollar)],
  ['HK', prefixed('Hong Kong', dollar)],
  ['NZ', prefixed('New Zealand', dollar)],
  ['S', prefixed('Singapore', dollar)],
  ['NT', prefixed('Taiwan', dollar)],
  ['R', { singular: 'real', plural: 'reais' }],
]);

/** ISO codes and words for currencies written as letters next to an amount. */
export const CURRENCY_WORDS: ReadonlyMap<string, Currency> = new Map([
  ['USD', prefixed('US', dollar)],
  ['EUR', euro],
  ['GBP', pound],
  ['JPY', yen],
  ['CHF', { singular: 'Swiss franc', plural: 'Swiss francs', minorSingular: 'centime', minorPlural: 'centimes' }],
  ['CNY', { singular: 'yuan', plural: 'yuan' }],
  ['RMB', { singular: 'yuan', plural: 'yuan' }],
  ['PLN', zloty],
  ['zł', zloty],
  ['zl', zloty],
  ['INR', { singular: 'rupee', plural: 'rupees' }],
  ['SEK', { singular: 'Swedish krona', plural: 'Swedish kronor' }],
  ['NOK', { singular: 'Norwegian krone', plural: 'Norwegian kroner' }],
  ['DKK', { singular: 'Danish krone', plural: 'Danish kroner' }],
  ['CAD', prefixed('Canadian', dollar)],
  ['AUD', prefixed('Australian', dollar)],
]);

/** Scale words and suffixes after an amount: "£48m", "€1.1bn", "$5 billion". */
export const SCALES: ReadonlyMap<string, string> = new Map([
  ['k', 'thousand'],
  ['K', 'thousand'],
  ['m', 'million'],
  ['mn', 'million'],
  ['mln', 'million'],
  ['M', 'million'],
  ['b', 'billion'],
  ['bn', 'billion'],
  ['bln', 'billion'],
  ['B', 'billion'],
  ['tn', 'trillion'],
  ['trn', 'trillion'],
  ['thousand', 'thousand'],
  ['million', 'million'],
  ['billion', 'billion'],
  ['trillion', 'trillion'],
]);

/** A unit written after a number: its singular and plural spoken forms. */
export interface Unit {
  /** "kilometre" */
  singular: string;
  /** "kilometres" */
  plural: string;
  /** Only when written straight after the digits ("500g"), never after a space. */
  attachedOnly?: boolean;
}

const unit = (singular: string, plural: string, attachedOnly = false): Unit => ({ singular, plural, attachedOnly });

/** Units after numbers. "m" (metres) is decided by the rules, not here. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['mph', unit('mile per hour', 'miles per hour')],
  ['kph', unit('kilometre per hour', 'kilometres per hour')],
  ['kmh', unit('kilometre per hour', 'kilometres per hour')],
  ['km', unit('kilometre', 'kilometres')],
  ['cm', unit('centimetre', 'centimetres')],
  ['mm', unit('millimetre', 'millimetres')],
  ['kg', unit('kilogram', 'kilograms')],
  ['kgs', unit('kilogram', 'kilograms')],
  ['g', unit('gram', 'grams', true)],
  ['mg', unit('milligram', 'milligrams')],
  ['lb', unit('pound', 'pounds')],
  ['lbs', unit('pound', 'pounds')],
  ['oz', unit('ounce', 'ounces')],
  ['ft', unit('foot', 'feet')],
  ['in', unit('inch', 'inches', true)],
  ['yd', unit('yard', 'yards')],
  ['mi', unit('mile', 'miles', true)],
  ['cc', unit('C C', 'C C')],
  ['ml', unit('millilitre', 'millilitres')],
  ['mL', unit('millilitre', 'millilitres')],
  ['L', unit('litre', 'litres', true)],
  ['l', unit('litre', 'litres', true)],
  ['ha', unit('hectare', 'hectares')],
  ['t', unit('tonne', 'tonnes', true)],
  ['kW', unit('kilowatt', 'kilowatts')],
  ['kWh', unit('kilowatt hour', 'kilowatt hours')],
  ['MW', unit('megawatt', 'megawatts')],
  ['MWh', unit('megawatt hour', 'megawatt hours')],
  ['GW', unit('gigawatt', 'gigawatts')],
  ['GWh', unit('gigawatt hour', 'gigawatt hours')],
  ['TWh', unit('terawatt hour', 'terawatt hours')],
  ['Hz', unit('hertz', 'hertz')],
  ['kHz', unit('kilohertz', 'kilohertz')],
  ['MHz', unit('megahertz', 'megahertz')],
  ['GHz', unit('gigahertz', 'gigahertz')],
  ['KB', unit('kilobyte', 'kilobytes')],
  ['Kb', unit('kilobit', 'kilobits')],
  ['Mb', unit('megabit', 'megabits')],
  ['Gb', unit('gigabit', 'gigabits')],
  ['MB', unit('megabyte', 'megabytes')],
  ['GB', unit('gigabyte', 'gigabytes')],
  ['TB', unit('terabyte', 'terabytes')],
  ['min', unit('minute', 'minutes')],
  ['mins', unit('minute', 'minutes')],
  ['hr', unit('hour', 'hours')],
  ['hrs', unit('hour', 'hours')],
  ['h', unit('hour', 'hours', true)],
  ['sec', unit('second', 'seconds')],
  ['secs', unit('second', 'seconds')],
  ['yr', unit('year', 'years')],
  ['yrs', unit('year', 'years')],
  ['bpd', unit('barrel a day', 'barrels a day')],
  ['pc', unit('percent', 'percent', true)],
  ['pp', unit('percentage point', 'percentage points', true)],
  ['ppt', unit('percentage point', 'percentage points', true)],
  ['ppts', unit('percentage point', 'percentage points', true)],
  ['bps', unit('basis point', 'basis points')],
  ['tsp', unit('teaspoon', 'teaspoons')],
  ['tbsp', unit('tablespoon', 'tablespoons')],
  ['gal', unit('gallon', 'gallons')],
  ['qt', unit('quart', 'quarts')],
  ['nm', unit('nanometre', 'nanometres')],
  ['µm', unit('micrometre', 'micrometres')],
  ['kPa', unit('kilopascal', 'kilopascals')],
  ['hPa', unit('hectopascal', 'hectopascals')],
  ['kV', unit('kilovolt', 'kilovolts')],
  ['mAh', unit('milliamp hour', 'milliamp hours')],
  ['Wh', unit('watt hour', 'watt hours')],
  ['dB', unit('decibel', 'decibels')],
  ['kcal', unit('kilocalorie', 'kilocalories')],
  ['kbps', unit('kilobit per second', 'kilobits per second')],
  ['Kbps', unit('kilobit per second', 'kilobits per second')],
  ['mbps', unit('megabit per second', 'megabits per second')],
  ['Mbps', unit('megabit per second', 'megabits per second')],
  ['gbps', unit('gigabit per second', 'gigabits per second')],
  ['Gbps', unit('gigabit per second', 'gigabits per second')],
]);

/**
 * Words that make "30C" or "86F" (British and wire style, no degree sign) a
 * temperature when one of them is near: without one, "Flat 5C" stays a label.
 */
export const TEMPERATURE_CUES: ReadonlySet<string> = new Set([
  'temperature', 'temperatures', 'temp', 'temps', 'degrees', 'high', 'highs', 'low', 'lows', 'heat', 'heatwave', 'heatwaves',
  'cold', 'colder', 'coldest', 'warm', 'warmer', 'warmest', 'hot', 'hotter', 'hottest', 'freezing', 'frost', 'frosty', 'chill',
  'chilly', 'mild', 'balmy', 'sweltering', 'scorching', 'mercury', 'thermometer', 'thermometers', 'forecast', 'forecasters',
  'weather', 'minus', 'celsius', 'fahrenheit', 'warming', 'warmed', 'climate', 'cooler', 'cooling', 'heated', 'pre-industrial', 'target', 'targets',
]);

/** Words after which a hyphenated pair of numbers is a score ("won 3-1"). */
export const SCORE_WORDS: ReadonlySet<string> = new Set([
  'won', 'win', 'wins', 'winning', 'lost', 'lose', 'loses', 'losing', 'beat', 'beats', 'beating', 'beaten',
  'drew', 'draw', 'draws', 'drawn', 'drawing', 'defeated', 'defeat', 'defeats', 'victory', 'thrashed', 'edged',
  'trail', 'trailed', 'trailing', 'lead', 'led', 'leading', 'score', 'scoreline', 'thumped', 'routed', 'crushed',
  'downed', 'overcame', 'trounced', 'loss', 'triumph',
]);

/** Words before a four-digit number that make it a year. */
export const YEAR_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'from', 'until', 'till', 'til', 'to', 'of', 'during', 'before', 'after', 'circa', 'early',
  'late', 'mid', 'year', 'around', 'through', 'between', 'and', 'or', 'summer', 'winter', 'spring', 'autumn', 'fall',
  'christmas', 'election', 'season', 'class', 'back', 'spring', 'born', 'died', 'founded', 'built', 'fiscal', 'ad', 'bc',
]);

/** Words before a number that make it a plain label rather than a year: "Room 1905", "Flight 2018". */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'number', 'no', 'nos', 'room', 'flight', 'route', 'chapter', 'page', 'pages', 'article', 'section', 'rule', 'model',
  'platform', 'gate', 'bus', 'highway', 'line', 'code', 'version', 'level', 'item', 'episode', 'volume', 'vol',
  'apartment', 'suite', 'unit', 'box', 'exit', 'interstate', 'tier', 'act', 'part', 'phase', 'grade', 'resolution',
  'bill', 'case', 'file', 'order', 'psalm', 'paragraph', 'clause', 'regulation', 'directive', 'lot', 'seat', 'row',
  'table', 'figure', 'fig', 'issue', 'ticket', 'pier', 'berth', 'terminal', 'track', 'road', 'street', 'avenue',
]);

/** Labels whose three-digit numbers are said in two parts, as codes: "Room 101", "Section 230", "Highway 401". */
export const CODE_LABEL_WORDS: ReadonlySet<string> = new Set([
  'room', 'flight', 'route', 'highway', 'interstate', 'bus', 'gate', 'platform', 'section', 'article', 'suite', 'apartment',
  'exit', 'terminal', 'pier', 'berth', 'track', 'model',
]);

/** Words a measurement in metres is often followed by ("a 10m high wall"). */
export const DIMENSION_WORDS: ReadonlySet<string> = new Set([
  'high', 'tall', 'long', 'wide', 'deep', 'away', 'above', 'below', 'under', 'across', 'thick', 'long', 'short',
  'sprint', 'race', 'hurdles', 'freestyle', 'butterfly', 'backstroke', 'breaststroke', 'relay', 'final', 'run',
  'from', 'into', 'off', 'down', 'up', 'in', 'of', 'to', 'and', 'or', 'by', 'at', 'on', 'per', 'square', 'cubic',
]);

/** Plural nouns without a final "s" after which "6m" means six million. */
export const PLURALS_WITHOUT_S: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'staff', 'cattle', 'sheep', 'fish', 'personnel', 'police', 'livestock', 'poultry',
]);

/** Given names of monarchs and popes, after which a Roman numeral is a regnal number. */
export const REGNAL_NAMES: ReadonlySet<string> = new Set([
  'Elizabeth', 'Charles', 'James', 'Henry', 'Edward', 'Mary', 'William', 'George', 'Richard', 'John', 'Louis',
  'Peter', 'Catherine', 'Alexander', 'Nicholas', 'Frederick', 'Philip', 'Pius', 'Benedict', 'Gregory', 'Leo',
  'Paul', 'Napoleon', 'Wilhelm', 'Victor', 'Juan', 'Carlos', 'Felipe', 'Francis', 'Innocent', 'Clement', 'Urban',
  'Boniface', 'Ivan', 'Harald', 'Olav', 'Haakon', 'Gustav', 'Carl', 'Christian', 'Frederik', 'Margrethe', 'Willem',
  'Albert', 'Baudouin', 'Rama', 'Abdullah', 'Hussein', 'Mohammed', 'Hassan', 'Selim', 'Suleiman', 'Mehmed', 'Ramesses',
  'Stephen', 'Anne', 'Victoria', 'Matilda', 'Malcolm', 'Robert', 'David', 'Alfonso', 'Ferdinand', 'Isabella',
  'Constantine', 'Justinian', 'Otto', 'Rudolf', 'Leopold', 'Joseph', 'Maximilian', 'Sigismund', 'Casimir',
  'Sixtus', 'Julius', 'Adrian', 'Martin', 'Celestine', 'Honorius', 'Eugene', 'Nicholas', 'Hirohito', 'Akihito',
]);

/** Words after which a Roman numeral is a plain number: "World War II", "Type 2", "Phase III". */
export const NUMBERED_THINGS: ReadonlySet<string> = new Set([
  'war', 'type', 'phase', 'stage', 'chapter', 'part', 'volume', 'vol', 'act', 'book', 'article', 'section',
  'grade', 'class', 'category', 'level', 'tier', 'title', 'schedule', 'annex', 'appendix', 'bowl', 'vatican',
  'apollo', 'gemini', 'mark', 'mk', 'episode', 'series', 'season', 'division', 'league', 'protocol', 'amendment',
]);

/** Capitalised words that commonly start a sentence, used to see that an abbreviation's full stop ends one. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'But', 'And', 'In', 'On', 'At', 'This', 'That',
  'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Our', 'There', 'However', 'Meanwhile', 'Officials', 'Police',
  'After', 'Before', 'When', 'While', 'As', 'If', 'Some', 'Many', 'Most', 'Others', 'Its', 'What', 'Why', 'How',
  'Who', 'Where', 'Now', 'Then', 'Still', 'Yet', 'So', 'Also', 'Last', 'Next', 'One', 'Two', 'For', 'With',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Analysts', 'Shares', 'Prices',
]);

/** United States postal codes of the states and the District. */
export const US_STATES: ReadonlyMap<string, string> = new Map([
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'],
  ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'],
  ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'],
  ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'],
  ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'],
  ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['DC', 'D C'],
]);
