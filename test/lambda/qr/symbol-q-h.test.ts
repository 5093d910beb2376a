import t from 'tap';
import { comparesWithQrcodeAt } from '../../helpers/qr-oracle.js';

// The property runs of symbol.test.ts at levels Q and H, in a file of their own so that
// the two halves run in parallel.
comparesWithQrcodeAt(t, 'Q');
comparesWithQrcodeAt(t, 'H');
