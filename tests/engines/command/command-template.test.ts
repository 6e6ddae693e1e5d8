import { describe, expect, it } from 'vitest';
import { fillTemplate, splitCommandTemplate, templateUses } from '../../../src/engines/command/command-template.js';
import { thrown } from '../../helpers/expect-error.js';

describe('command templates', () => {
  it('splits like a shell command line, quotes respected', () => {
    expect(splitCommandTemplate(`piper --model 'my model.onnx' --output_file {out}`)).toEqual(['piper', '--model', 'my model.onnx', '--output_file', '{out}']);
    expect(splitCommandTemplate(`say -o "{out}" "say \\"hi\\"" a\\ b ''`)).toEqual(['say', '-o', '{out}', 'say "hi"', 'a b', '']);
    expect(splitCommandTemplate('  espeak-ng\t-w {out}  ')).toEqual(['espeak-ng', '-w', '{out}']);
  });

  it('treats shell syntax as plain characters', () => {
    expect(splitCommandTemplate('tts $(whoami) | tee > x ; y')).toEqual(['tts', '$(whoami)', '|', 'tee', '>', 'x', ';', 'y']);
  });

  it('rejects empty templates and unclosed quotes', () => {
    expect(thrown(() => splitCommandTemplate('   ')).code).toBe('CONFIG_INVALID');
    expect(thrown(() => splitCommandTemplate('say "oops')).message).toBe('command: the command template has an unclosed " quote');
  });

  it('fills placeholders inside their own word only', () => {
    const words = splitCommandTemplate('tts --out={out} -v {voice} {text} {unknown}');
    expect(templateUses(words, 'out')).toBe(true);
    expect(templateUses(words, 'input')).toBe(false);
    expect(fillTemplate(words, { out: '/tmp/a b.wav', voice: 'amy', text: 'one two --flag' })).toEqual([
      'tts',
      '--out=/tmp/a b.wav',
      '-v',
      'amy',
      'one two --flag',
      '{unknown}',
    ]);
  });
});
