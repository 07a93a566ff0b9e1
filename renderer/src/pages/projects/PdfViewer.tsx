import { Alert, Button, Progress, Space, Spin, Tooltip, Typography } from 'antd';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** 'fit': every page as wide as the viewer (a landscape invoice at 1366 px is never cut); else a zoom factor. */
type Zoom = 'fit' | number;

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * Renders every page of a PDF to canvases with pdf.js; no plugin, no remote content. Opens fitted
 * to the viewer's width; 缩小/放大 (or - and +) zoom in steps, 适合宽度 (or 0) fits again. `page`
 * is scrolled into view once drawn (a score comment's link to the page it rests on). A long document
 * (a report with its 2,000-invoice appendix runs to some 90 pages) shows how many pages are drawn
 * so far, and the pages already drawn can be read meanwhile.
 */
export function PdfViewer({ data, page }: { data: Uint8Array; page?: number | null }) {
  const frame = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error?: string; scale?: number; pages?: number; drawn?: number }>({ loading: true });
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [width, setWidth] = useState(0);

  // Refit when the viewer changes width (window resized, side panel opened).
  useEffect(() => {
    const host = frame.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === 0) return;
    let cancelled = false;
    const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false });
    task.promise
      .then(async (document) => {
        const host = container.current;
        if (!host) return;
        host.replaceChildren();
        let shownScale = 1;
        const pages = document.numPages;
        for (let number = 1; number <= pages && !cancelled; number++) {
          setState((previous) => ({ ...previous, loading: true, pages, drawn: number - 1 }));
          const pdfPage = await document.getPage(number);
          const natural = pdfPage.getViewport({ scale: 1 });
          // 4 px for the page shadow; a page never drawn narrower than 200 px.
          const scale = zoom === 'fit' ? Math.max(200, width - 4) / natural.width : zoom;
          if (number === 1) shownScale = scale;
          const ratio = window.devicePixelRatio || 1;
          const viewport = pdfPage.getViewport({ scale: scale * ratio });
          const canvas = window.document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = `${String(Math.floor(viewport.width / ratio))}px`;
          canvas.style.height = `${String(Math.floor(viewport.height / ratio))}px`;
          canvas.style.display = 'block';
          canvas.style.margin = '0 auto 12px';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.2)';
          canvas.dataset.page = String(number);
          host.appendChild(canvas);
          await pdfPage.render({ canvas, viewport }).promise;
          if (number === page) canvas.scrollIntoView({ block: 'start' });
        }
        if (!cancelled) setState({ loading: false, scale: shownScale });
      })
      .catch((error: unknown) => !cancelled && setState({ loading: false, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [data, page, zoom, width]);

  const current = zoom === 'fit' ? (state.scale ?? 1) : zoom;
  const step = (direction: 1 | -1) => {
    const next = direction > 0 ? ZOOM_STEPS.find((s) => s > current + 0.01) : [...ZOOM_STEPS].reverse().find((s) => s < current - 0.01);
    if (next !== undefined) setZoom(next);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-') step(-1);
    else if (event.key === '0') setZoom('fit');
    else return;
    event.preventDefault();
  };

  return (
    <div ref={frame} tabIndex={0} onKeyDown={onKeyDown} aria-label="PDF 预览（+ 放大，- 缩小，0 适合宽度）" style={{ outline: 'none' }}>
      <Space style={{ marginBottom: 8 }} data-testid="pdf-toolbar">
        <Tooltip title="缩小（-）">
          <Button size="small" onClick={() => step(-1)} disabled={current <= ZOOM_STEPS[0]! + 0.01}>
            缩小
          </Button>
        </Tooltip>
        <Typography.Text data-testid="pdf-zoom" style={{ minWidth: 48, display: 'inline-block', textAlign: 'center' }}>
          {Math.round(current * 100)}%
        </Typography.Text>
        <Tooltip title="放大（+）">
          <Button size="small" onClick={() => step(1)} disabled={current >= ZOOM_STEPS[ZOOM_STEPS.length - 1]! - 0.01}>
            放大
          </Button>
        </Tooltip>
        <Tooltip title="适合宽度（0）">
          <Button size="small" type={zoom === 'fit' ? 'primary' : 'default'} onClick={() => setZoom('fit')}>
            适合宽度
          </Button>
        </Tooltip>
        <Button size="small" onClick={() => setZoom(1)}>
          原始大小
        </Button>
      </Space>
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
      <div ref={container} data-testid="pdf-pages" style={{ overflow: 'auto', maxWidth: '100%' }} />
    </div>
  );
}
