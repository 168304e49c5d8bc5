import { loadDemoTemplate } from './demo';

export default loadDemoTemplate;
