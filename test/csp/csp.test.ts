import { expect } from '@open-wc/testing';

interface Report {
  violations: string[];
  evalRefused?: boolean;
  evalReported?: boolean;
  status?: string;
  output?: unknown;
  builtOutput?: unknown;
  mode?: string;
  nodeTransform?: string;
  tidied?: number;
  tableRows?: number;
  tableHeight?: string;
  chartSwatch?: string;
  error?: string;
  testOutput?: string;
  shellTitle?: string;
  images?: number;
}

/** Loads the CSP page in a frame and waits for the report its own script sends. */
function loadReport(page = 'page.html'): Promise<Report> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('no report from the CSP page')), 15000);
    addEventListener('message', function onMessage(event) {
      if (event.data?.kind !== 'v2u-csp-report') return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.style.cssText = 'width: 960px; height: 560px';
    frame.src = new URL(`../../../test/csp/${page}`, import.meta.url).href;
    document.body.append(frame);
  });
}

describe('strict Content-Security-Policy', () => {
  it('loads, edits, runs and tidies up a flow in workers, and shows a table and a chart, with no violation, while eval is refused', async () => {
    const report = await loadReport();
    expect(report.error, report.error).to.equal(undefined);
    expect(report.evalRefused && report.evalReported, 'the policy is live: eval is blocked and reported').to.equal(true);
    expect(report.violations, 'no violation from the editor').to.deep.equal([]);
    expect(report.status).to.equal('done');
    expect(report.output).to.deep.equal({ value: 42 });
    expect(report.builtOutput, 'a builder-made type ran (its interpreter chunk, in a worker)').to.deep.equal({ value: 50 });
    expect(report.mode, 'it ran in workers').to.equal('worker');
    expect(report.nodeTransform, 'positions apply without inline style attributes').to.equal('translate(320px, 40px)');
    expect(report.tidied, 'Tidy up lays the flow out (elkjs in a worker) under the policy').to.be.greaterThan(0);
    expect(report.tableRows, 'the table element shows rows').to.be.greaterThan(0);
    expect(report.tableHeight, 'the table viewport (header and ten rows at most) is sized through the CSSOM').to.equal('264px');
    expect(report.chartSwatch, 'the chart legend gets its colours through the CSSOM').to.equal('#0969da');
  });

  it('the node builder (its own chunk) builds, test-runs and saves a type, which then runs in workers, with no violation', async () => {
    const report = await loadReport('builder-page.html');
    expect(report.error, report.error).to.equal(undefined);
    expect(report.violations, 'no violation from the builder').to.deep.equal([]);
    expect(report.testOutput, 'the test run on sample input').to.equal('15');
    expect(report.shellTitle, 'a hostile title is text in the preview').to.equal('Triple <img src=x onerror=alert(1)>');
    expect(report.images, 'and makes no element').to.equal(0);
    expect(report.status).to.equal('done');
    expect(report.output, 'the saved type runs (interpreted data, no eval)').to.deep.equal({ result: 21 });
  });
});
