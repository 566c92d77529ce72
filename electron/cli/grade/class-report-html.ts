/**
 * The printable class completion report (HTML, bilingual: Vietnamese first, English under it),
 * written by `v6lab grade --roster … --out DIR` as report.html: the province and agencies
 * header, the date, the share of the class that completed each module, completion per plan
 * step, and one row per trainee with each module's score. Self-contained (inline CSS, no
 * script, no network), A4 landscape when printed to PDF, table headers repeated on each page.
 */
import type { ClassReport } from '../../../sim-core/lab/scenario/class-report';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function both(vi: string, en: string): string {
  return `<span class="vi">${escapeHtml(vi)}</span><span class="en">${escapeHtml(en)}</span>`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
header { border-bottom: 2px solid #1a4f8b; margin-bottom: 10px; padding-bottom: 6px; }
h1 { font-size: 16pt; margin: 0 0 2px; color: #1a4f8b; }
h2 { font-size: 12pt; margin: 14px 0 4px; color: #1a4f8b; break-after: avoid; }
.vi { display: block; }
.en { display: block; color: #555; font-size: 0.88em; }
h1 .en, h2 .en { font-weight: normal; }
.meta { display: flex; gap: 28px; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #9aa7b5; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #e6eef7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.done { background: #e3f4e1; }
td.none { color: #888; }
td.name { white-space: nowrap; }
td.error { background: #fde8e6; }
.bar { display: inline-block; height: 8px; background: #1a4f8b; vertical-align: middle; margin-right: 6px; }
footer { margin-top: 12px; font-size: 8.5pt; color: #555; }
`;

export function renderClassReportHtml(report: ClassReport, notes: readonly string[]): string {
  // Titles are in the module table above; here the id and plan step keep the names readable.
  const moduleHead = report.modules.map((module) => `<th title="${escapeHtml(module.title.vi)} / ${escapeHtml(module.title.en)}">${escapeHtml(module.id)}${both(`bước ${module.planStep}`, `step ${module.planStep}`)}</th>`).join('');
  const moduleRows = report.modules
    .map((module) => {
      const completion = report.moduleCompletion[module.id]!;
      return `<tr><td>${escapeHtml(module.id)}</td><td>${both(module.title.vi, module.title.en)}</td><td class="num">${module.planStep}</td><td class="num">${module.max}</td><td class="num">${completion.completed}/${completion.trainees}</td><td><span class="bar" style="width:${Math.round(completion.share * 120)}px"></span>${percent(completion.share)}</td></tr>`;
    })
    .join('\n');
  const stepRows = report.planSteps
    .map((step) => `<tr><td class="num">${step.step}</td><td>${step.modules.map(escapeHtml).join(', ')}</td><td class="num">${step.completed}/${step.trainees}</td><td><span class="bar" style="width:${Math.round(step.share * 120)}px"></span>${percent(step.share)}</td></tr>`)
    .join('\n');
  const traineeRows = report.trainees
    .map((trainee, index) => {
      const cells = report.modules
        .map((module) => {
          const cell = trainee.cells[module.id];
          if (cell === undefined) return `<td class="num none">—</td>`;
          if (cell.error !== undefined) return `<td class="num error" title="${escapeHtml(cell.error)}">0/${cell.max} ⚠</td>`;
          return `<td class="num${cell.completed ? ' done' : ''}">${cell.score}/${cell.max}${cell.notes.length > 0 ? ' *' : ''}</td>`;
        })
        .join('');
      return `<tr><td class="num">${index + 1}</td><td>${escapeHtml(trainee.entry.id)}</td><td class="name">${escapeHtml(trainee.entry.name)}</td><td>${escapeHtml(trainee.entry.agency)}</td>${cells}<td class="num">${trainee.total}/${trainee.totalMax}</td></tr>`;
    })
    .join('\n');
  const noteItems = notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Báo cáo kết quả đào tạo IPv6 — ${escapeHtml(report.province)} — ${escapeHtml(report.date)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${both(`Báo cáo kết quả đào tạo IPv6 — ${report.province}`, `IPv6 training completion report — ${report.province}`)}</h1>
<div class="meta">
<div>${both(`Ngày: ${report.date}`, `Date: ${report.date}`)}</div>
<div>${both(`Số học viên: ${report.trainees.length}`, `Trainees: ${report.trainees.length}`)}</div>
<div>${both(`Đơn vị: ${report.agencies.join('; ') || '—'}`, `Agencies: ${report.agencies.join('; ') || '—'}`)}</div>
</div>
</header>
<h2>${both('Tỉ lệ hoàn thành theo bài học', 'Completion by module')}</h2>
<table>
<thead><tr><th>${both('Mã', 'Id')}</th><th>${both('Bài học', 'Module')}</th><th>${both('Bước', 'Plan step')}</th><th>${both('Điểm tối đa', 'Max')}</th><th>${both('Hoàn thành', 'Completed')}</th><th>${both('Tỉ lệ lớp', 'Share of class')}</th></tr></thead>
<tbody>
${moduleRows}
</tbody>
</table>
<h2>${both('Hoàn thành theo bước của kế hoạch chuyển đổi', 'Completion per step of the conversion plan')}</h2>
<table>
<thead><tr><th>${both('Bước', 'Step')}</th><th>${both('Bài học', 'Modules')}</th><th>${both('Hoàn thành', 'Completed')}</th><th>${both('Tỉ lệ lớp', 'Share of class')}</th></tr></thead>
<tbody>
${stepRows}
</tbody>
</table>
<h2>${both('Điểm của từng học viên', 'Scores per trainee')}</h2>
<table>
<thead><tr><th>#</th><th>${both('Mã', 'Id')}</th><th>${both('Họ tên', 'Name')}</th><th>${both('Đơn vị', 'Agency')}</th>${moduleHead}<th>${both('Tổng', 'Total')}</th></tr></thead>
<tbody>
${traineeRows}
</tbody>
</table>
<footer>
${both('Ô xanh: hoàn thành (đủ điểm). — : chưa nộp bài. ⚠: không chấm được. *: có ghi chú. Điểm được chấm lại từ bài làm, không lấy từ tệp.', 'Green: completed (full marks). —: nothing handed in. ⚠: could not be graded. *: see notes. Scores are recomputed from the work, never taken from the file.')}
${noteItems === '' ? '' : `<h2>${both('Ghi chú', 'Notes')}</h2><ul>\n${noteItems}\n</ul>`}
</footer>
</body>
</html>
`;
}
