import { Alert, Progress, Spin } from 'antd';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Renders every page of a PDF to canvases with pdf.js; no plugin, no remote content. `page` is
 * scrolled into view once drawn (a score comment's link to the page it rests on). A long document
 * (a report with its 2,000-invoice appendix runs to some 90 pages) shows how many pages are drawn
 * so far, and the pages already drawn can be read meanwhile.
 */
export function PdfViewer({ data, page }: { data: Uint8Array; page?: number | null }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error?: string; pages?: number; drawn?: number }>({ loading: true });

  useEffect(() => {
    let cancelled = false;
    const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false });
    task.promise
      .then(async (document) => {
        const host = container.current;
        if (!host) return;
        host.replaceChildren();
        const pages = document.numPages;
        for (let number = 1; number <= pages && !cancelled; number++) {
          setState({ loading: true, pages, drawn: number - 1 });
          const pdfPage = await document.getPage(number);
          const viewport = pdfPage.getViewport({ scale: 1.3 });
          const canvas = window.document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.display = 'block';
          canvas.style.margin = '0 auto 12px';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.2)';
          canvas.style.maxWidth = '100%';
          canvas.dataset.page = String(number);
          host.appendChild(canvas);
          await pdfPage.render({ canvas, viewport }).promise;
          if (number === page) canvas.scrollIntoView({ block: 'start' });
        }
        if (!cancelled) setState({ loading: false });
      })
      .catch((error: unknown) => !cancelled && setState({ loading: false, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [data, page]);

  return (
    <div>
      {state.loading && state.pages === undefined && (
        <Spin>
          <div style={{ padding: 24 }}>正在打开 PDF</div>
        </Spin>
      )}
      {state.loading && state.pages !== undefined && state.pages > 1 && (
        <div data-testid="pdf-progress" style={{ marginBottom: 12 }}>
          <span>
            正在显示第 {String((state.drawn ?? 0) + 1)} 页，共 {String(state.pages)} 页
          </span>
          <Progress percent={Math.floor(((state.drawn ?? 0) / state.pages) * 100)} size="small" />
        </div>
      )}
      {state.error && <Alert type="error" showIcon message="无法显示此 PDF" description={state.error} />}
      <div ref={container} data-testid="pdf-pages" />
    </div>
  );
}
