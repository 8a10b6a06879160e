import { sweepTemplate } from './unicode.js';

sweepTemplate('default');
