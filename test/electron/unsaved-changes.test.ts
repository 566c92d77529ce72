import { describe, expect, it } from 'vitest';
import { answerWillPreventUnload, buildDiscardQuestion, DISCARD_BUTTON_INDEX, KEEP_EDITING_BUTTON_INDEX } from '../../electron/unsaved-changes';

describe('closing with unsaved changes (will-prevent-unload)', () => {
  it('the question defaults to, and escapes to, keeping the work', () => {
    for (const language of ['vi', 'en'] as const) {
      const question = buildDiscardQuestion(language);
      expect(question.defaultId).toBe(KEEP_EDITING_BUTTON_INDEX);
      expect(question.cancelId).toBe(KEEP_EDITING_BUTTON_INDEX);
      expect(question.buttons).toHaveLength(2);
    }
    expect(buildDiscardQuestion('en')).toMatchObject({ message: 'Discard unsaved changes?', buttons: ['Discard and close', 'Keep editing'] });
    expect(buildDiscardQuestion('vi').message).toBe('Bỏ các thay đổi chưa lưu?');
  });

  it('only "Discard" lets the page unload (preventDefault ignores beforeunload, per Electron)', () => {
    for (const [answer, unloads] of [
      [DISCARD_BUTTON_INDEX, true],
      [KEEP_EDITING_BUTTON_INDEX, false],
      [-1, false],
    ] as const) {
      let prevented = false;
      const allowed = answerWillPreventUnload({ preventDefault: () => (prevented = true) }, 'en', () => answer);
      expect(allowed, `answer ${answer}`).toBe(unloads);
      expect(prevented, `answer ${answer}`).toBe(unloads);
    }
  });
});
