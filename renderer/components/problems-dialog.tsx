/**
 * The problems found in a lab file that could not be opened: each at file:line:column with its
 * message in the app's language, errors and warnings marked, in file order. The lab on screen stays as it was.
 */
import { useTranslation } from 'react-i18next';
import { sortProblems, type LabProblem } from '../../sim-core/lab/lab-problems';
import { problemMessage } from '../../sim-core/lab/problem-text';
import { useAppStore } from '../state/app-store-context';
import { Modal } from './modal';

export function ProblemsDialog({ fileName, problems }: { fileName: string; problems: readonly LabProblem[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'vi' ? 'vi' : 'en';
  const closeDialog = useAppStore((state) => state.closeDialog);
  return (
    <Modal title={t('problems.title', { file: fileName })} onClose={closeDialog} testId="problems-dialog" wide footer={<button type="button" className="button button--primary" onClick={closeDialog}>{t('dialog.close')}</button>}>
      <p>{t('problems.intro', { count: problems.length })}</p>
      <ul className="problems">
        {sortProblems(problems).map((problem, index) => (
          <li key={index} className={`problems__item problems__item--${problem.severity}`} data-testid="problem">
            <span className="problems__where">{`${problem.file}:${problem.line}:${problem.column}`}</span>
            <span className="problems__severity">{`${t(`problems.severity.${problem.severity}`)} · ${t(`problems.code.${problem.code}`)}`}</span>
            <span className="problems__message">{problemMessage(problem, language)}</span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
