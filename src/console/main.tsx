/** Entry of the district console (a separate Vite entry from the guard/visitor PWA). */
import { render } from 'preact';
import { ConsoleApp } from './ConsoleApp';
import './console.css';
import './words.css';
import './phone-cards.css';

const root = document.getElementById('console');
if (root) render(<ConsoleApp />, root);
