import './early';
import { mount } from '@/components/mount';
import { App } from './app';

mount(<App />);
