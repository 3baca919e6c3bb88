/** The diagram "New" opens: an executable process with one start event, in Camunda 8's namespaces. */
export function emptyDiagram(processId = `Process_${Math.random().toString(36).slice(2, 9)}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:lifeline="http://lifeline.dev/schema/bpmn/1.0" id="Definitions_${processId}" targetNamespace="http://lifeline.dev/processes">
  <bpmn:process id="${processId}" name="New process" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Started" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
