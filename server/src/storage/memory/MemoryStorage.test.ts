import { describeStorageContract } from '../storageContract';
import { MemoryStorage } from './MemoryStorage';

describeStorageContract('MemoryStorage', () => new MemoryStorage());
