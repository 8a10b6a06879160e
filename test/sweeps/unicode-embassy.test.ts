import { sweepTemplate } from './unicode.js';

sweepTemplate('embassy');
