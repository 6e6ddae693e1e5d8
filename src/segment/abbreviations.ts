/**
 * Words that end in a full stop without ending a sentence, grouped by how
 * the word after them decides it.
 */

/** Titles and honorifics written before a name: never a sentence end (`Dr. Osei`, `Ft. Worth`). */
export const TITLE_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Cpt',
  'Sgt', 'Cpl', 'Maj', 'Adm', 'Cmdr', 'Cdr', 'Rev', 'Revd', 'Hon', 'Fr', 'Pres', 'Supt', 'Insp', 'Det',
  'Cllr', 'Messrs', 'Mme', 'Mlle', 'Mt', 'Ft', 'Brig', 'Gens', 'Reps', 'Sens', 'Atty', 'Amb', 'Msgr',
  'Sta', 'Ste', 'Pt',
]);

/**
 * Titles that also follow a name or a number (`5th St.`, `Main St. The`):
 * there they behave like {@link AMBIGUOUS_ABBREVIATIONS}.
 */
export const POSTPOSITIVE_TITLES = new Set(['St', 'Mt', 'Ft', 'Pt']);

/** Always mid-sentence: `e.g.`, `i.e.`, `cf.`, `vs.` and the like. */
export const INNER_ABBREVIATIONS = new Set(['e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'ca', 'al', 'eg', 'ie', 'incl', 'esp']);

/** Followed by a number: `No. 10`, `Fig. 3`, `Vol. 2`, `pp. 4-5`, `N°. 12`, and abbreviated months: `Oct. 14`. */
export const NUMBER_ABBREVIATIONS = new Set([
  'No', 'no', 'Nos', 'nos', 'N°', 'n°', 'Nº', 'nº', '№', 'Nr', 'nr', 'Fig', 'fig', 'Figs', 'Vol', 'vol',
  'pp', 'p', 'Art', 'Sec', 'Ch', 'Ex', 'Op', 'Pg', 'pg', 'Ref', 'ref', 'Tel', 'tel', 'Rte', 'Hwy', 'ext', 'Ext',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/**
 * Can end a sentence or sit inside one (`Acme Inc. said` / `… of Acme Inc. The
 * company …`); a sentence ends only when a usual sentence opener follows.
 */
export const AMBIGUOUS_ABBREVIATIONS = new Set([
  'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Plc', 'plc', 'LLC', 'Llc', 'etc', 'Esq', 'Ph.D', 'PhD', 'Jr', 'Sr',
  'U.S', 'U.K', 'U.N', 'E.U', 'U.S.A', 'D.C', 'N.Y', 'L.A', 'B.A', 'M.A', 'Ave', 'Rd', 'Blvd', 'Dept',
  'Univ', 'Assn', 'Dir', 'Intl', 'Natl', 'Mfg', 'Cos', 'Hwy', 'Pkwy', 'Ln', 'Sq',
  // US states as wire copy abbreviates them (`HARTFORD, Conn. (AP)`, `in Fresno, Calif. The…`).
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky',
  'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn',
  'Tenn', 'Tex', 'Vt', 'Va', 'Wash', 'Wis', 'Wyo',
]);

/** Words that commonly open a sentence, used after an ambiguous abbreviation. */
export const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'But', 'And', 'Or', 'So', 'Yet', 'In',
  'On', 'At', 'By', 'For', 'From', 'This', 'That', 'These', 'Those', 'There', 'Its', 'His', 'Her',
  'Their', 'Our', 'My', 'Your', 'After', 'Before', 'When', 'While', 'If', 'As', 'Since', 'Although',
  'However', 'Meanwhile', 'Still', 'Now', 'Then', 'Shares', 'Analysts', 'Officials', 'Police', 'Last',
  'Next', 'Earlier', 'Later', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Other', 'Others', 'One',
  'Two', 'Three', 'No', 'Not', 'What', 'Why', 'How', 'Who', 'Where', 'Despite', 'During', 'Under',
  'Over', 'With', 'Without', 'Instead', 'Also', 'Even', 'Only', 'Such', 'Like', 'Unlike', 'According',
  'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Would', 'Can', 'Could', 'Should', 'Has',
  'Have', 'Had', 'Thus', 'Yesterday', 'Today', 'Tomorrow', 'Here', 'Nor', 'Because', 'Once',
]);
