/**
 * Words that end in a full stop without ending a sentence, grouped by how
 * the word after them decides it.
 */

/** Titles and honorifics: always followed by a name, never a sentence end. */
export const TITLE_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Cpt',
  'Sgt', 'Cpl', 'Maj', 'Adm', 'Cmdr', 'Cdr', 'Rev', 'Revd', 'Hon', 'Fr', 'Pres', 'Supt', 'Insp', 'Det',
  'Cllr', 'Messrs', 'Mme', 'Mlle', 'Mt', 'Ft', 'Brig', 'Gens', 'Reps', 'Sens', 'Atty', 'Amb', 'Sr', 'Jr',
  'Dir', 'Dept', 'Univ', 'Assn', 'Ave', 'Rd', 'Blvd',
]);

/** Always mid-sentence: `e.g.`, `i.e.`, `cf.`, `vs.` and the like. */
export const INNER_ABBREVIATIONS = new Set(['e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'ca', 'al', 'eg', 'ie', 'incl', 'esp']);

/** Followed by a number: `No. 10`, `Fig. 3`, `Vol. 2`, `pp. 4-5`, and abbreviated months: `Oct. 14`. */
export const NUMBER_ABBREVIATIONS = new Set([
  'No', 'no', 'Nos', 'Fig', 'fig', 'Figs', 'Vol', 'vol', 'pp', 'p', 'Art', 'Sec', 'Ch', 'Ex', 'Op',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/**
 * Can end a sentence or sit inside one (`Acme Inc. said` / `… of Acme Inc. The
 * company …`); a sentence ends only when a usual sentence opener follows.
 */
export const AMBIGUOUS_ABBREVIATIONS = new Set([
  'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Plc', 'plc', 'LLC', 'Llc', 'etc', 'Esq', 'Ph.D', 'PhD',
  'U.S', 'U.K', 'U.N', 'E.U', 'U.S.A', 'D.C', 'N.Y', 'L.A', 'a.m', 'p.m', 'A.M', 'P.M', 'B.A', 'M.A',
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
]);
