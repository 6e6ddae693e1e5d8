/** Feeds and pages written for the sources tests: invented stories, nothing copied from elsewhere. */

/** An RSS 2.0 feed of three stories in `content:encoded`, not in date order. */
export const RSS_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Harbour Town Gazette</title>
<link>https://gazette.test/</link>
<description>News from Harbour Town</description>
<language>en-au</language>
<item>
<title>Tram line reopens after bridge repairs</title>
<link>https://gazette.test/tram-line</link>
<guid isPermaLink="false">gazette-tram-0412</guid>
<pubDate>Tue, 14 Apr 2026 07:30:00 +1000</pubDate>
<dc:creator>Mira Castellano</dc:creator>
<description>Trams run again from Wednesday.</description>
<content:encoded><![CDATA[<p>Trams will run across the Kestrel Bridge again from Wednesday morning, after eleven weeks of repairs to its steel deck.</p><h2>Timetable changes</h2><p>The first service leaves the depot at 5.40am, and evening trams will run every twelve minutes until the end of May.</p>]]></content:encoded>
</item>
<item>
<title>Bakery wins regional bread prize</title>
<link>https://gazette.test/bakery-prize</link>
<guid isPermaLink="false">gazette-bakery-0414</guid>
<pubDate>Thu, 16 Apr 2026 06:00:00 +1000</pubDate>
<dc:creator>Jonah Whitfield</dc:creator>
<content:encoded><![CDATA[<p>A family bakery on Wharf Street has won the regional sourdough prize at its first attempt, beating forty other entries.</p><p>&ldquo;We only entered because a customer dared us,&rdquo; said owner Rosa Lindqvist.</p>]]></content:encoded>
</item>
<item>
<title>Council &amp; residents agree on dog park</title>
<link>https://gazette.test/dog-park</link>
<guid>https://gazette.test/?p=981</guid>
<pubDate>Mon, 13 Apr 2026 18:15:00 +1000</pubDate>
<author>desk@gazette.test (Priya Anand)</author>
<content:encoded><![CDATA[<p>The council has agreed with residents to fence off part of Lowther Green as an off-lead dog park, ending a two-year dispute.</p><p>Work on the fence begins next month and should take about three weeks.</p>]]></content:encoded>
</item>
</channel>
</rss>
`;

/** An Atom 1.0 feed: one entry with XHTML content (a heading inside), one with HTML content. */
export const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-nz">
<title>Valley Science Notes</title>
<id>urn:uuid:2d5f0c1e-7a7b-4b36-9a77-5b3d1c9e0a11</id>
<updated>2026-05-02T09:00:00Z</updated>
<author><name>Editorial desk</name></author>
<entry>
<title type="html">Glacier &lt;em&gt;retreat&lt;/em&gt; measured by drones</title>
<id>urn:uuid:7c1f6f5e-3b1e-4f55-9a57-1c2a34f3b0d2</id>
<link rel="alternate" type="text/html" href="https://notes.test/glacier"/>
<link rel="self" href="https://notes.test/glacier.atom"/>
<published>2026-05-01T21:00:00Z</published>
<updated>2026-05-02T08:00:00Z</updated>
<author><name>Tane Roberts</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Drones flown over the Tasman Glacier show its front pulled back <strong>by 180 metres</strong> in a single year &amp; more.</p><h2>How it was measured</h2><p>The team compared thousands of overlapping photographs to build height maps of the ice.</p></div></content>
</entry>
<entry>
<title>Night sky survey finds new variable stars</title>
<id>urn:uuid:0f6b0d8a-9f2e-4d0f-8f3c-2f8a6c1d5e33</id>
<link href="https://notes.test/variable-stars"/>
<updated>2026-04-28T10:00:00Z</updated>
<content type="html">&lt;p&gt;Amateur astronomers in the valley have found twelve stars whose brightness changes over a few days.&lt;/p&gt;&lt;p&gt;Their results were confirmed by a university telescope last week.&lt;/p&gt;</content>
</entry>
</feed>
`;

/** A news page with site furniture around the article. */
export function articlePage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Harbour Town Gazette</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather forecast menu</a></nav></header>
<main><article><h1>${title}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
${extra}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Another unrelated story about parking</a></li></ul></aside>
</main>
<footer><p>Copyright Harbour Town Gazette. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>`;
}
