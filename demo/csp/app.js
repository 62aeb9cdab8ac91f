// Loads an example flow and runs it in workers under the page's strict CSP, counting any
// violation the browser reports.
const status = document.getElementById('violations');
let count = 0;
document.addEventListener('securitypolicyviolation', (e) => {
  count++;
  status.textContent = `${count} CSP violation(s); last: ${e.effectiveDirective} ${e.blockedURI}`;
});
const editor = document.getElementById('editor');
editor.graph = await (await fetch('../flows/order-analytics.json')).json();
await editor.run();
if (!count) status.textContent = 'Flow ran in workers with no CSP violation.';
