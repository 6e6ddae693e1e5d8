/** A short news story in plain text, written for the tests: a title, a standfirst, a heading and quotes. */
export const SHORT_STORY = `Harbour town opens new lifeboat station

The station will house two boats and a crew of 24 volunteers.

By Dana Whitfield

The new lifeboat station at Westhaven opened on Friday after two years of building work.

"This gives the crew a safe place to launch in any weather," said station manager Ruth Adeyemi.

Open day

Visitors will be able to tour the station on Sunday.
`;

/** The same shape in Markdown. */
export const SHORT_MARKDOWN = `# Orchard volunteers save rare apple trees

*A community group has grafted 40 trees from a variety thought lost.*

Volunteers in Millbrook spent the winter grafting cuttings from the last two trees of the Millbrook Russet.

## A second life

"We nearly lost it for good," said Joan Pike, who leads the group.
`;
