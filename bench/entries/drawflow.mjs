// What the Drawflow bench page loads: the library as published.
import Drawflow from 'drawflow';

export default Drawflow;
