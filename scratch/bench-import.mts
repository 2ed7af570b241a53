import { benchImport } from '../bench/import.ts';
benchImport();
