/** Word lists used to tell a person's name from the titles, roles and organisations around it. */

/** Honorifics and titles written before a name (compared without a trailing full stop). */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev',
  'reverend', 'revd', 'father', 'sister', 'brother', 'rabbi', 'imam', 'sheikh', 'cllr', 'councillor',
  'gen', 'general', 'col', 'colonel', 'lt', 'lieutenant', 'capt', 'captain', 'sgt', 'sergeant', 'maj',
  'major', 'adm', 'admiral', 'cmdr', 'commander', 'insp', 'inspector', 'det', 'detective', 'supt',
  'superintendent', 'constable', 'pc', 'ds', 'di', 'dci', 'sen', 'senator', 'rep', 'representative',
  'gov', 'governor', 'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'mayor',
  'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'cardinal',
  'hon', 'mp', 'mep', 'msp', 'chief', 'executive', 'officer', 'director', 'chairman', 'chairwoman',
  'chair', 'chairperson', 'deputy', 'acting', 'interim', 'senior', 'junior', 'head', 'leader', 'coach',
  'manager', 'spokesman', 'spokeswoman', 'spokesperson', 'founder', 'co-founder', 'ceo', 'cfo', 'coo',
  'cto', 'president-elect', 'ambassador', 'commissioner', 'envoy', 'editor', 'analyst', 'economist',
  'teacher', 'headteacher', 'headmaster', 'headmistress', 'principal', 'librarian', 'curator',
  'researcher', 'scientist', 'professor', 'lecturer', 'doctor', 'nurse', 'surgeon', 'lawyer', 'attorney',
  'prosecutor', 'barrister', 'solicitor', 'campaigner', 'activist', 'organiser', 'organizer', 'owner',
  'resident', 'councilor', 'adviser', 'advisor', 'consultant', 'strategist', 'partner', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'winger', 'forward', 'skipper', 'boss', 'captain', 'referee',
  'player', 'coordinator', 'planner', 'engineer', 'officer', 'spokesperson', 'chef', 'farmer', 'pilot',
  'aide', 'official', 'worker', 'volunteer', 'music', 'council', 'party', 'opposition', 'labour',
  'conservative', 'democratic', 'republican', 'green', 'liberal', 'union', 'group', 'company', 'team',
  'club', 'city', 'county', 'state', 'federal', 'national', 'regional', 'local', 'finance', 'foreign',
  'home', 'health', 'education', 'transport', 'defence', 'defense', 'interior', 'justice', 'trade',
  'economy', 'environment', 'energy', 'sports', 'sport', 'news', 'communications', 'operations',
  'marketing', 'sales', 'technology', 'technical', 'general', 'assistant', 'associate', 'managing',
  'first', 'former', 'then', 'new', 'late',
]);

/** Role words a later "the manager" / "the librarian" can refer back to. */
export const REFERABLE_ROLES = new Set([
  'manager', 'coach', 'librarian', 'teacher', 'headteacher', 'mayor', 'minister', 'president', 'executive',
  'chairman', 'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'leader',
  'captain', 'skipper', 'boss', 'analyst', 'economist', 'founder', 'principal', 'curator', 'judge',
  'governor', 'senator', 'chancellor', 'secretary', 'commissioner', 'inspector', 'superintendent',
  'striker', 'goalkeeper', 'midfielder', 'defender', 'referee', 'owner', 'organiser', 'organizer', 'ceo',
]);

/** Lower-case particles inside names: Marten de Vries, Ludwig van Beethoven. */
export const NAME_PARTICLES = new Set([
  'de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'della', 'dos', 'das', 'do',
  'ter', 'ten', 'bin', 'bint', 'ibn', 'al', 'el', 'y', 'e', 'af', 'zu', "o'",
]);

/** Last words that make a phrase an organisation, not a person. */
export const ORGANISATION_WORDS = new Set([
  'agency', 'bank', 'group', 'securities', 'council', 'ministry', 'department', 'police', 'government',
  'university', 'institute', 'company', 'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'nv', 'sa',
  'ag', 'gmbh', 'news', 'committee', 'commission', 'office', 'service', 'services', 'authority',
  'association', 'federation', 'union', 'party', 'court', 'board', 'club', 'fc', 'foundation', 'trust',
  'bureau', 'centre', 'center', 'capital', 'partners', 'holdings', 'airlines', 'airways', 'times',
  'post', 'herald', 'journal', 'television', 'tv', 'radio', 'network', 'press', 'media', 'kremlin',
  'pentagon', 'parliament', 'congress', 'senate', 'assembly', 'cabinet', 'administration', 'army',
  'navy', 'forces', 'fund', 'organisation', 'organization', 'society', 'council', 'school', 'college',
  'hospital', 'team', 'league', 'operator', 'railways', 'railway', 'rail', 'airport', 'port',
  'officials', 'analysts', 'sources',
  'reuters', 'afp', 'ap', 'bloomberg', 'xinhua', 'kcna', 'bbc', 'cnn', 'nws', 'pa', 'dpa', 'yonhap',
  'united', 'city', 'rovers', 'athletic', 'wanderers', 'county', 'town', 'state', 'states', 'nations',
]);

/** Capitalised words that are never part of a name (sentence openers, days, months). */
export const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your',
  'but', 'and', 'or', 'so', 'yet', 'then', 'when', 'while', 'if', 'as', 'in', 'on', 'at', 'by', 'for',
  'from', 'with', 'after', 'before', 'since', 'however', 'meanwhile', 'also', 'still', 'now', 'later',
  'earlier', 'yesterday', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'he', 'she', 'they', 'we', 'i', 'it', 'you', 'who',
  'what', 'which', 'there', 'here', 'one', 'some', 'many', 'most', 'all', 'both', 'each', 'other',
  'others', 'several', 'analysts', 'officials', 'critics', 'experts', 'residents', 'police', 'sources',
  'people', 'researchers', 'economists', 'investors', 'traders', 'observers', 'supporters', 'fans',
  'according', 'asked', 'speaking', 'writing',
]);
