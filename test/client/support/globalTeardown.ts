import { removeDemoTemplate } from './demo';

export default removeDemoTemplate;
