import { render } from 'preact';
render(<p>KAA-lotsen</p>, document.getElementById('app')!);
