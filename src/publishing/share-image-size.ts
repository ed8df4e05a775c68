/** The size of every share image, the one Open Graph and X (Twitter) cards show best. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;
