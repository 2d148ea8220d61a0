// The table of hostile and broken inputs (issue "Bad input never breaks
// Folio"): one row per case, with what Folio must do. Each row is run in
// headless Chromium by tests/e2e/hostile-inputs.test.mjs: `input` says how
// the input is made, `expect` what the reader must see.
//
// make:  paste TEXT | file NAME (from tests/fixtures) | bytes NAME + generator
// expect: story (a story shows, with `has` in it and nothing live)
//         refused (a notice matching `says`, no entry added)
//         entries N (the library lists N entries)

const repeat = (s, n) => s.repeat(n);

export const CASES = [
  { case: 'script tag in the text', input: { paste: 'Menu\n\nA headline about <script>window.__pwned=1</script> markup\n\nThe page quotes <script>window.__pwned=1</script> in a sentence that runs long enough to be the story of this page.\n' }, expect: { story: true, has: '<script>window.__pwned=1</script>' } },
  { case: 'img onerror in the text', input: { paste: 'Title with <img src=x onerror="window.__pwned=2"> inside it\n\nBody text that mentions <img src=x onerror="window.__pwned=2"> and keeps going for a proper sentence length.\n' }, expect: { story: true, has: 'onerror=' } },
  { case: 'DOMPurify mXSS payload', input: { paste: 'Headline for the mutation test case here\n\nThe payload <svg></p><style><a id="</style><img src=1 onerror=window.__pwned=3>"> sits inside a paragraph that reads like prose for a while.\n' }, expect: { story: true, has: '<svg></p><style>' } },
  { case: 'javascript: in a "link"', input: { paste: 'Links in the text stay plain text here\n\nThe reporter wrote that the address javascript:window.__pwned=4 was in the page, and the sentence goes on so that it is the story.\n' }, expect: { story: true, has: 'javascript:window.__pwned=4' } },
  { case: 'U+2028 then javascript:', input: { paste: 'Line separator tricks in the text\n\nSee \u2028javascript:window.__pwned=5 here, in a sentence long enough to count as the body of the story.\n' }, expect: { story: true, has: 'javascript:window.__pwned=5' } },
  { case: 'data: URL in the text', input: { paste: 'Data addresses stay plain text\n\nOpen data:text/html,<script>window.__pwned=6</script> if you dare, says this long sentence of the story body.\n' }, expect: { story: true, has: 'data:text/html' } },
  { case: 'windows-1251 news, no BOM', input: { file: 'encodings/ru-news.windows-1251.txt' }, expect: { story: true, sameAs: 'encodings/ru-news.utf-8.txt', says: 'windows-1251' } },
  { case: 'KOI8-R news, no BOM', input: { file: 'encodings/ru-news.koi8-r.txt' }, expect: { story: true, sameAs: 'encodings/ru-news.utf-8.txt', says: 'koi8-r' } },
  { case: 'UTF-16LE with BOM', input: { file: 'encodings/ru-news.utf-16le-bom.txt' }, expect: { story: true, sameAs: 'encodings/ru-news.utf-8.txt' } },
  { case: 'UTF-16LE without BOM', input: { file: 'encodings/ru-news.utf-16le.txt' }, expect: { story: true, sameAs: 'encodings/ru-news.utf-8.txt' } },
  { case: 'Shift_JIS news', input: { file: 'encodings/ja-news.shift_jis.txt' }, expect: { story: true, has: '東京', says: 'shift_jis' } },
  { case: 'GBK news', input: { file: 'encodings/zh-news.gbk.txt' }, expect: { story: true, has: '新华社', says: 'gbk' } },
  { case: 'invalid UTF-8 bytes', input: { bytes: 'broken.txt', make: 'invalidUtf8' }, expect: { story: true, has: 'The story goes on' } },
  { case: 'a PNG image', input: { bytes: 'photo.txt', make: 'png' }, expect: { refused: /not a text file \(it looks like a PNG image\)/ } },
  { case: 'a ZIP archive', input: { bytes: 'articles.zip', make: 'zip' }, expect: { refused: /not a text file \(it looks like a ZIP archive/ } },
  { case: 'a PDF', input: { bytes: 'article.pdf', make: 'pdf' }, expect: { refused: /not a text file \(it looks like a PDF document\)/ } },
  { case: 'random binary bytes', input: { bytes: 'noise.txt', make: 'noise' }, expect: { refused: /not a text file/ } },
  { case: 'an empty file', input: { bytes: 'empty.txt', make: 'empty' }, expect: { refused: /nothing to read/ } },
  { case: 'a whitespace-only file', input: { bytes: 'blank.txt', make: 'blank' }, expect: { refused: /nothing to read/ } },
  { case: 'a saved page with script, onerror and javascript: links', input: { bytes: 'page.html', make: 'html' }, expect: { story: true, has: 'The council voted' } },
  { case: 'a file over 200 MB', input: { bytes: 'huge.txt', make: 'huge' }, expect: { refused: /too large to read/ } },
  { case: '100,000 nested <div>s as text', input: { bytes: 'nested.txt', make: 'nestedDivs' }, expect: { entries: 1 } },
  { case: 'a 20,000-line list page', input: { bytes: 'list.txt', make: 'longList' }, expect: { entries: 1 } },
  { case: 'a 50 MB single-line file', input: { bytes: 'one-line.txt', make: 'oneLine50MB' }, expect: { entries: 1 } },
  { case: '1,000 tiny files', input: { many: 1000 }, expect: { entries: 1000 } },
  { case: 'right-to-left, emoji and zero-width text', input: { paste: 'عنوان الخبر العاجل اليوم 🎉\u200b\n\nهذا نص طويل بما يكفي ليكون جسم الخبر، ويحتوي على رموز 👍 ومسافات صفرية\u200d بين الكلمات.\n' }, expect: { story: true, has: '🎉' } },
];

/** Makes the bytes of a generated input (in the browser, where the test runs). */
export const MAKERS = {
  invalidUtf8: () => [...new TextEncoder().encode('Headline of a broken file\n\nThe story goes on with a broken byte '), 0xff, 0xfe, 0xc3, ...new TextEncoder().encode(' and more text after it, as a long sentence.\n')],
  png: () => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0],
  zip: () => [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new Array(40).fill(7)],
  pdf: () => [...new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n')],
  noise: () => Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
  empty: () => [],
  blank: () => [...new TextEncoder().encode('  \n\t\n   \r\n')],
  html: () => [...new TextEncoder().encode('<!doctype html><html><head><title>Council votes</title><script>window.__pwned=9</script></head><body><h1>Council votes on the budget</h1><img src=x onerror="window.__pwned=10"><p>The council voted on Tuesday to approve the budget for the coming year, after a long debate in the chamber.</p><p>See <a href="javascript:window.__pwned=11">this link</a> and <a href="https://example.org/">that one</a>, which the reader shows as text only, in a sentence long enough.</p></body></html>')],
  huge: null, // made as a 201 MB File in the page, never read
  nestedDivs: () => [...new TextEncoder().encode(repeat('<div>', 100000) + 'deep' + repeat('</div>', 100000))],
  longList: () => [...new TextEncoder().encode(Array.from({ length: 20000 }, (_, i) => `Item ${i}`).join('\n'))],
  oneLine50MB: null, // made in the page: 50 MB of words on one line
};
