/**
 * What the benchmark reports of one cold build, for an edition (edition.ts) and an archive
 * (archive.ts) alike: wall time, memory, the machine's load before it, and where Astro's own log
 * says the time went.
 */
import type { BuildPhases } from '../build-log.ts';
import type { BuildRun } from '../run-build.ts';

export interface BuildFigures {
  seconds: number;
  peakTreeBytes: number;
  peakProcessBytes?: number | undefined;
  /** CPU seconds, user + system (GNU time), when available. */
  cpuSeconds?: number | undefined;
  loadBefore: number;
  /**
   * Phases from Astro's log; startup is the wall time before Astro's own clock starts (config,
   * content validation, sync). downloads is part of render; pagefind and precompress of afterRender.
   */
  phases: {
    startup?: number;
    collect?: number;
    render?: number;
    bundle?: number;
    afterRender?: number;
    downloads?: number;
    pagefind?: number;
    precompress?: number;
  };
}

export function buildFigures(built: BuildRun, phases: BuildPhases, loadBefore: number): BuildFigures {
  return {
    seconds: built.seconds,
    peakTreeBytes: built.peakTreeBytes,
    peakProcessBytes: built.peakProcessBytes,
    ...(built.cpuSeconds !== undefined && { cpuSeconds: built.cpuSeconds }),
    loadBefore,
    phases: {
      ...(phases.builtSeconds !== undefined && { startup: built.seconds - phases.builtSeconds }),
      ...(phases.collectSeconds !== undefined && { collect: phases.collectSeconds }),
      ...(phases.renderSeconds !== undefined && { render: phases.renderSeconds }),
      ...(phases.staticSeconds !== undefined &&
        phases.renderSeconds !== undefined && { bundle: phases.staticSeconds - phases.renderSeconds }),
      ...(phases.afterRenderSeconds !== undefined && { afterRender: phases.afterRenderSeconds }),
      ...(phases.downloadsSeconds !== undefined && { downloads: phases.downloadsSeconds }),
      ...(phases.pagefindSeconds !== undefined && { pagefind: phases.pagefindSeconds }),
      ...(phases.precompressSeconds !== undefined && { precompress: phases.precompressSeconds }),
    },
  };
}
