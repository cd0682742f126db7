import ExcelJS from 'exceljs';
const f = process.argv[2];
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(f);
for (const ws of wb.worksheets) {
  console.log('=== SHEET', JSON.stringify(ws.name), ws.rowCount, ws.columnCount);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 40) return;
    const vals = [];
    row.eachCell({ includeEmpty: false }, (c, col) => vals.push(`${col}:${JSON.stringify(c.value)}`.slice(0, 120)));
    console.log(n, vals.join(' | '));
  });
}
