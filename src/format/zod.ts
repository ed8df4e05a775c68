/** The one place the project imports zod from, so every schema shares one instance. */
export { z } from 'zod';
