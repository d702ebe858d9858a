/** How the measurements print sizes and times: KB and MB are 1,000 and 1,000,000 bytes. */

export const KB = 1000;
export const MB = 1000 * 1000;
export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
export const seconds = (n: number): string => `${n.toFixed(1)} s`;
