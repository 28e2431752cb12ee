import t from 'tap';
import { splitLines, trimSpan } from '../../../domain/reader/text-lines.ts';

t.test('given CRLF, CR and LF line breaks with ideographic indentation', async (t) => {
  const document = '标题\r\n\u3000\u3000一、2021年工作总结\r二是 \n';
  const lines = splitLines(document);
  t.equal(lines.length, 4, 'when split, each break ends one line and the text after the last break is a line');
  t.same(
    lines.map((line) => line.text),
    ['标题', '一、2021年工作总结', '二是', ''],
    'then the text of each line is trimmed of every kind of blank',
  );
  for (const line of lines) t.equal(document.slice(line.textStart, line.textStart + line.text.length), line.text, `then ${JSON.stringify(line.text)} is at its offset`);
});

t.test('given a span with blanks and line breaks around it', async (t) => {
  const document = 'ab \u3000\r\n 中文 \n';
  t.same(trimSpan(document, 2, document.length), [7, 9], 'then trimming leaves exactly the text');
  t.same(trimSpan(document, 3, 5), [5, 5], 'then an all-blank span trims to empty');
});
