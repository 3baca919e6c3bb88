/** Entry point: global styles and the shell. */
import { render } from 'preact';
import './app/styles/base.css';
import './app/styles/shell.css';
import { App } from './app/App';

render(<App />, document.getElementById('app')!);
