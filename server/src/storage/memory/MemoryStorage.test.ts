import { describeStorageContract } from '../../testing/storageContract';
import { MemoryStorage } from './MemoryStorage';

describeStorageContract('MemoryStorage', () => new MemoryStorage());
