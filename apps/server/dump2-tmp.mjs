import ExcelJS from 'exceljs';
const [f, sheet, from, to] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(f);
const ws = wb.getWorksheet(sheet);
for (let n = +from; n <= +to; n++) {
  const row = ws.getRow(n);
  console.log('--- row', n);
  row.eachCell({ includeEmpty: false }, (c, col) => console.log(`  ${col} [${c.type}] ${JSON.stringify(c.text)} ${c.value instanceof Date ? 'DATE' : typeof c.value} fmt=${c.numFmt ?? ''} italic=${c.font?.italic ?? ''}`));
}
