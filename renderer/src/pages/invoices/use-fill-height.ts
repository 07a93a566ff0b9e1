import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The height left between an element's top and the window's bottom, so that a list fills the screen
 * without a second page scrollbar (1366×768 laptops first). Measured when the element appears (a
 * callback ref: it may mount after data arrives) and on every window resize.
 */
export function useFillHeight<T extends HTMLElement>(bottomGap: number, minimum = 200) {
  const element = useRef<T | null>(null);
  const [height, setHeight] = useState(minimum);
  const measure = useCallback(() => {
    if (!element.current) return;
    const top = element.current.getBoundingClientRect().top;
    setHeight(Math.max(minimum, Math.floor(window.innerHeight - top - bottomGap)));
  }, [bottomGap, minimum]);
  const ref = useCallback(
    (el: T | null) => {
      element.current = el;
      measure();
    },
    [measure],
  );
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  return [ref, height] as const;
}
