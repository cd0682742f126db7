import ExcelJS from 'exceljs';
const [f, sheet] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(f);
const ws = wb.getWorksheet(sheet);
ws.eachRow({ includeEmpty: false }, (row, n) => {
  if (n < 4) return;
  const vals = [];
  row.eachCell({ includeEmpty: false }, (c, col) => { if (String(c.text).trim() !== '') vals.push(`${col}:${JSON.stringify(c.text).slice(0, 60)}${c.value instanceof Date ? '(D)' : ''}${c.font?.italic ? '(i)' : ''}${c.font?.color?.argb ?? ''}`); });
  if (vals.length) console.log(n, vals.join(' | '));
});
