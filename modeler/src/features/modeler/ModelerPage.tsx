import { useEffect, useRef } from 'preact/hooks';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

export default function ModelerPage() {
  const canvas = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const modeler = new BpmnModeler({ container: canvas.current! });
    void modeler.createDiagram();
    return () => modeler.destroy();
  }, []);
  return <div ref={canvas} style={{ flex: 1 }} />;
}
