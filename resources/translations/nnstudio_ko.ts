<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>_PlotPanel</name>
        <message>
            <source>epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>accuracy</source>
            <extracomment>the viewed epoch of the rewind timeline (hidden when live)</extracomment>
            <translation>정확도</translation>
        </message>
        <message>
            <source>mean absolute error</source>
            <translation>평균 절대 오차</translation>
        </message>
        <message>
            <source>mean squared error</source>
            <translation>평균 제곱 오차</translation>
        </message>
        <message>
            <source>metric</source>
            <translation>평가 지표</translation>
        </message>
        <message>
            <source>{run}: {series}</source>
            <translation>{run}: {series}</translation>
        </message>
    </context>
    <context>
        <name>ActivationExplorer</name>
        <message>
            <source>Activation:</source>
            <translation>활성화 함수:</translation>
        </message>
        <message>
            <source>(shown: p₁ for logits z₁ = z, z₂ = 0, z₃ = −1)</source>
            <translation>(표시: 로짓 z₁ = z, z₂ = 0, z₃ = −1일 때의 p₁)</translation>
        </message>
        <message>
            <source>z = {0:+.2f}    f(z) = {1:.4f}    f′(z) = {2:.4f}</source>
            <translation>z = {0:+.2f}    f(z) = {1:.4f}    f′(z) = {2:.4f}</translation>
        </message>
    </context>
    <context>
        <name>ActivationsPanel</name>
        <message>
            <source>Activations</source>
            <translation>활성값</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>neuron</source>
            <translation>뉴런</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>활성값</translation>
        </message>
        <message>
            <source>{percent:.0f}% dead ReLU units</source>
            <translation>죽은 ReLU 유닛 {percent:.0f}%</translation>
        </message>
        <message>
            <source>{n} training samples (sorted by class) × neurons.</source>
            <translation>훈련 샘플 {n}개(클래스 순으로 정렬) × 뉴런.</translation>
        </message>
        <message>
            <source>layer {layer}: {percent:.0f}%</source>
            <translation>{layer}번 층: {percent:.0f}%</translation>
        </message>
        <message>
            <source>Dead ReLU units (0 for every training sample):</source>
            <translation>죽은 ReLU 유닛(모든 훈련 샘플에서 0을 출력):</translation>
        </message>
    </context>
    <context>
        <name>AppState</name>
        <message>
            <source>Training is running: pause or stop it before editing the network.</source>
            <extracomment>any document change: (event, info) as sent by :class:`Project` (kept for listeners that only need "something changed"; a listener that cares what changed connects to the typed signals below) typed document changes, one per kind (napari-style events), emitted as the document changes the network changed in any of the five ways above (structure or a layer parameter) a different document was loaded (New / Open / import) the dataset (or its split/scaling) changed; ``dataset`` may be None with ``dataset_error`` set the list of validation problems was recomputed the selected layer index (or None for "no selection": model settings) the sample whose activations the canvas shows (index into the dataset) 'idle' | 'running' | 'paused' live activations for the selected sample during/after training: a list (one entry per project layer) of 1-D numpy arrays (or None) live weights (list of numpy arrays, Keras order) during/after training the file path or the clean state changed (title bar) a weight line was clicked on the canvas: (project layer index of the Dense layer, from-neuron, to-neuron) dataset indices of the mini-batch being trained (for highlighting), or None the selected layer by id (None: model settings); ``selected_layer`` is its index now the one caller of undo_stack.push (AppState.push hands edits to it); ``editor.refused(str)`` latest live values: per project layer a (z, a) pair of 1-D arrays for the selected sample latest live weights (Keras order list of arrays) or None</extracomment>
            <translation>학습이 진행 중입니다. 신경망을 편집하려면 먼저 학습을 일시 정지하거나 중지하세요.</translation>
        </message>
    </context>
    <context>
        <name>BackpropPanel</name>
        <message>
            <source>Backprop step</source>
            <translation>역전파 단계</translation>
        </message>
        <message>
            <source>Press Step (one batch, F10) to see the gradients of one training step.</source>
            <extracomment>smallest readable bar plot (px) and chain-rule text box height</extracomment>
            <translation>'한 단계'(배치 하나, F10)를 누르면 학습 한 단계의 기울기를 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>gradient norm ‖∂L/∂w‖</source>
            <translation>기울기 노름 ‖∂L/∂w‖</translation>
        </message>
        <message>
            <source>update norm ‖Δw‖</source>
            <translation>업데이트 노름 ‖Δw‖</translation>
        </message>
        <message>
            <source>weights</source>
            <translation>가중치</translation>
        </message>
        <message>
            <source>biases</source>
            <translation>편향</translation>
        </message>
        <message>
            <source>Click a weight line on the canvas to see ∂L/∂w as δ · a.</source>
            <translation>캔버스에서 가중치 선을 클릭하면 ∂L/∂w를 δ · a로 풀어서 보여 줍니다.</translation>
        </message>
        <message>
            <source>The network changed since this step: press Step (one batch, F10) again.</source>
            <translation>이 단계 이후 네트워크가 바뀌었습니다. 단계(배치 하나, F10)를 다시 누르세요.</translation>
        </message>
        <message>
            <source>layer {layer}</source>
            <translation>{layer}번 층</translation>
        </message>
        <message>
            <source>Epoch {epoch} on the timeline: the gradients of the loss ({loss:.5g}) on the first {n} training samples with that epoch's weights. No update is drawn: nothing is trained while you look back.</source>
            <translation>타임라인의 에포크 {epoch}: 그 에포크의 가중치로 처음 {n}개 학습 샘플에서 구한 손실({loss:.5g})의 기울기입니다. 되돌아보는 동안에는 아무것도 학습하지 않으므로 업데이트는 그리지 않습니다.</translation>
        </message>
        <message>
            <source>Iteration {iteration} (epoch {epoch}, batch {batch}): loss {loss:.5g} on a batch of {n} samples.</source>
            <translation>반복 {iteration} (에포크 {epoch}, 배치 {batch}): 샘플 {n}개짜리 배치의 손실 {loss:.5g}</translation>
        </message>
        <message>
            <source>Weight {i} → {j} of layer {layer} selected. Press Step (one batch) to see its gradient.</source>
            <translation>{layer}번 층의 가중치 {i} → {j}를 선택했습니다. '한 단계'(배치 하나)를 누르면 이 가중치의 기울기를 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>Layer {layer} has no weights.</source>
            <translation>{layer}번 층에는 가중치가 없습니다.</translation>
        </message>
        <message>
            <source>Cannot explain this weight: {error}</source>
            <translation>이 가중치는 설명할 수 없습니다: {error}</translation>
        </message>
        <message>
            <source>… {n} more samples</source>
            <translation>… 샘플 {n}개 더</translation>
        </message>
        <message>
            <source>regularization term {value:.5g}</source>
            <translation>규제 항 {value:.5g}</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>&lt;b&gt;w&lt;sub&gt;{i}→{j}&lt;/sub&gt; of layer {layer}&lt;/b&gt; = {weight:.6g} (before the step)</source>
            <translation>&lt;b&gt;{layer}번 층의 w&lt;sub&gt;{i}→{j}&lt;/sub&gt;&lt;/b&gt; = {weight:.6g} (이 단계 전)</translation>
        </message>
        <message>
            <source>engine gradient: &lt;b&gt;{grad:.6g}&lt;/b&gt;; update applied Δw = {update:.6g}</source>
            <translation>엔진이 계산한 기울기: &lt;b&gt;{grad:.6g}&lt;/b&gt;; 적용된 업데이트 Δw = {update:.6g}</translation>
        </message>
        <message>
            <source>δ&lt;sub&gt;{j}&lt;/sub&gt; = ∂l/∂z&lt;sub&gt;{j}&lt;/sub&gt; of this layer, a&lt;sub&gt;{i}&lt;/sub&gt; = output of neuron {i} of the layer before.</source>
            <translation>δ&lt;sub&gt;{j}&lt;/sub&gt; = 이 층의 ∂l/∂z&lt;sub&gt;{j}&lt;/sub&gt;, a&lt;sub&gt;{i}&lt;/sub&gt; = 이전 층 뉴런 {i}의 출력.</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <source>Hide this message</source>
            <translation>이 메시지 숨기기</translation>
        </message>
    </context>
    <context>
        <name>BatchExplorer</name>
        <message>
            <source>Shuffle every epoch</source>
            <translation>에포크마다 섞기</translation>
        </message>
        <message>
            <source>Next batch</source>
            <translation>다음 배치</translation>
        </message>
        <message>
            <source>Samples N:</source>
            <translation>샘플 수 N:</translation>
        </message>
        <message>
            <source>Batch size B:</source>
            <translation>배치 크기 B:</translation>
        </message>
        <message>
            <source>iterations per epoch = ⌈{0} / {1}⌉ = {2}  (last batch: {3} samples)</source>
            <translation>에포크당 반복 횟수 = ⌈{0} / {1}⌉ = {2}  (마지막 배치: 샘플 {3}개)</translation>
        </message>
        <message>
            <source>epoch {0}, iteration {1} of {2}: {3} samples in this batch</source>
            <translation>에포크 {0}, 반복 {1}/{2}: 이 배치의 샘플 {3}개</translation>
        </message>
    </context>
    <context>
        <name>Canvas</name>
        <message>
            <source>What Keras' model.summary() would report: depth counts the layers with weights (the Input layer computes nothing), parameters are all weights and biases.</source>
            <translation>Keras의 model.summary()가 보여 줄 내용입니다. 깊이는 가중치가 있는 층만 셉니다(입력층은 아무것도 계산하지 않습니다). 파라미터는 모든 가중치와 편향의 개수입니다.</translation>
        </message>
        <message>
            <source>Layer {i} ({type}), neuron {k}</source>
            <extracomment>how many terms of z = Σ wᵢ·aᵢ + b a text spells out before "…"</extracomment>
            <translation>{i}번 층({type})의 뉴런 {k}</translation>
        </message>
        <message>
            <source>Train the network (or step once) to see this neuron's values for the selected sample.</source>
            <translation>신경망을 학습시키면(또는 한 단계만 실행하면) 선택한 샘플에 대한 이 뉴런의 값을 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>for sample {n}</source>
            <translation>샘플 {n}에 대해</translation>
        </message>
        <message>
            <source>Weight from neuron {a} of layer {la} to neuron {b} of layer {lb}</source>
            <translation>층 {la}의 뉴런 {a}에서 층 {lb}의 뉴런 {b}로 가는 가중치</translation>
        </message>
        <message>
            <source>Train the network (or step once) to see its value.</source>
            <translation>값을 보려면 신경망을 학습시키세요(또는 한 단계 실행).</translation>
        </message>
        <message>
            <source>its share of z for sample {n}: w·a = {w} × {a} = {p}</source>
            <translation>샘플 {n}의 z에 대한 기여: w·a = {w} × {a} = {p}</translation>
        </message>
        <message>
            <source>z of neuron {b} = {z}</source>
            <translation>뉴런 {b}의 z = {z}</translation>
        </message>
        <message>
            <source>Orange lines are positive weights, blue negative; thicker means larger |w|.</source>
            <translation>주황색 선은 양의 가중치, 파란색은 음의 가중치이며 굵을수록 |w|가 큽니다.</translation>
        </message>
        <message>
            <source>{n} more neurons are not drawn</source>
            <extracomment>texts painted by :meth:`paint` (skipped when zoomed out too far to read)</extracomment>
            <translation>뉴런 {n}개는 그리지 않았습니다</translation>
        </message>
        <message>
            <source>… {n} …</source>
            <translation>… {n} …</translation>
        </message>
        <message>
            <source>Input</source>
            <extracomment>at most this many neuron circles per layer when a layer has more units: this many first and this many last are drawn map mode (2 input features, every layer at most MAX_MAP_UNITS wide, see nnstudio.project.planes): each neuron is a MAP_SIZE square showing its response over the input plane vertical distance between neurons and half the drawn neuron's size (larger in map mode)</extracomment>
            <translation>입력층</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>은닉층</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>출력층</translation>
        </message>
        <message>
            <source>Depth {depth} (layers with weights) · {params} parameters · output shape {shape}</source>
            <translation>깊이 {depth}(가중치가 있는 층) · 파라미터 {params}개 · 출력 모양 {shape}</translation>
        </message>
        <message>
            <source>Unpin this map</source>
            <translation>이 지도 고정 해제</translation>
        </message>
        <message>
            <source>This neuron's output over the whole input plane (x1 across, x2 up): orange positive, blue negative, white near zero; for the output of a classifier, the class colours. Dots: the training points.</source>
            <translation>입력 평면 전체에서 이 뉴런의 출력입니다(가로 x1, 세로 x2). 주황색은 양수, 파란색은 음수, 흰색은 0 근처이며, 분류기의 출력층은 클래스 색으로 표시합니다. 점: 학습 데이터.</translation>
        </message>
        <message>
            <source>input {name}</source>
            <translation>입력 {name}</translation>
        </message>
        <message>
            <source>layer {i}, neuron {k} ({act})</source>
            <translation>층 {i}, 뉴런 {k} ({act})</translation>
        </message>
        <message>
            <source>Pinned: {what}</source>
            <translation>고정됨: {what}</translation>
        </message>
        <message>
            <source>loading data…</source>
            <extracomment>the neuron maps were redrawn the pinned neuron changed: ``(layer index, unit)`` or ``None``</extracomment>
            <translation>데이터 불러오는 중…</translation>
        </message>
        <message>
            <source>The network, left to right. Drag layers here from the palette; drag a block to reorder it; wheel to zoom, drag empty space to pan.</source>
            <extracomment>MIME type of a layer dragged from the palette (payload: the layer type, UTF-8) a message for the status bar</extracomment>
            <translation>왼쪽에서 오른쪽으로 흐르는 신경망입니다. 팔레트에서 층을 여기로 끌어 놓고, 블록을 끌어 순서를 바꾸세요. 휠로 확대·축소하고 빈 곳을 끌어 화면을 옮깁니다.</translation>
        </message>
        <message>
            <source>Add {type} layer</source>
            <translation>{type} 층 추가</translation>
        </message>
        <message>
            <source>Added a {type} layer at position {i}</source>
            <translation>{i}번 위치에 {type} 층을 추가했습니다</translation>
        </message>
        <message>
            <source>Select a layer to delete it.</source>
            <translation>삭제할 층을 먼저 선택하세요.</translation>
        </message>
        <message>
            <source>Delete {type} layer</source>
            <translation>{type} 층 삭제</translation>
        </message>
        <message>
            <source>Select a layer to duplicate it.</source>
            <translation>복제할 층을 먼저 선택하세요.</translation>
        </message>
        <message>
            <source>Duplicate {type} layer</source>
            <translation>{type} 층 복제</translation>
        </message>
        <message>
            <source>Weight from neuron {i} to neuron {j} of layer {layer}</source>
            <translation>{layer}번 층의 뉴런 {i} → 뉴런 {j} 가중치</translation>
        </message>
        <message>
            <source>Move {type} layer</source>
            <translation>{type} 층 이동</translation>
        </message>
        <message>
            <source>Neuron {k} of layer {i} pinned: its map is shown large; click it again to unpin.</source>
            <translation>층 {i}의 뉴런 {k}을(를) 고정했습니다. 지도가 크게 표시됩니다. 다시 클릭하면 고정이 풀립니다.</translation>
        </message>
        <message>
            <source>{n} features</source>
            <translation>특성 {n}개</translation>
        </message>
        <message>
            <source>Dense</source>
            <translation>밀집층</translation>
        </message>
        <message>
            <source>{n} units · {act}</source>
            <translation>유닛 {n}개 · {act}</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>드롭아웃</translation>
        </message>
        <message>
            <source>rate {rate}</source>
            <translation>비율 {rate}</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>활성화</translation>
        </message>
    </context>
    <context>
        <name>ChainRuleView</name>
        <message>
            <source>Apply update</source>
            <translation>업데이트 적용</translation>
        </message>
        <message>
            <source>Weight:</source>
            <translation>가중치:</translation>
        </message>
        <message>
            <source>Learning rate η:</source>
            <translation>학습률 η:</translation>
        </message>
        <message>
            <source>product</source>
            <translation>곱</translation>
        </message>
        <message>
            <source>backprop: ∂L/∂w = {0:+.6f}  (chain rule: {1:+.6f})</source>
            <translation>역전파: ∂L/∂w = {0:+.6f}  (연쇄 법칙: {1:+.6f})</translation>
        </message>
        <message>
            <source>finite difference (ε = 1e-4): {0:+.6f}</source>
            <translation>유한 차분 (ε = 1e-4): {0:+.6f}</translation>
        </message>
        <message>
            <source>w ← w − η·∂L/∂w:  {0:+.5f} {1:+.5f} = {2:+.5f}   (batch loss {3:.5f})</source>
            <translation>w ← w − η·∂L/∂w:  {0:+.5f} {1:+.5f} = {2:+.5f}   (배치 손실 {3:.5f})</translation>
        </message>
    </context>
    <context>
        <name>Checks</name>
        <message>
            <source>the training history has no '{key}' values (it has: {have}); train the model first</source>
            <translation>학습 기록에 '{key}' 값이 없습니다(있는 것: {have}). 먼저 모델을 학습시키세요</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>validation loss did not rise: it kept improving until epoch {best} of {n} ({vmin:.4f})</source>
            <translation>검증 손실이 오르지 않았습니다. {n} 에포크 중 에포크 {best}까지 계속 좋아졌습니다({vmin:.4f})</translation>
        </message>
        <message>
            <source>validation loss barely rose after epoch {best}: validation loss was lowest at epoch {best} ({vmin:.4f}) and was {vlast:.4f} at epoch {n} ({rise:+.0%}); training loss went {t_best:.4f} -&gt; {t_last:.4f}</source>
            <translation>에포크 {best} 이후 검증 손실이 거의 오르지 않았습니다: 검증 손실: 에포크 {best}에서 최저 {vmin:.4f}, 에포크 {n}에서 {vlast:.4f}({rise:+.0%}). 훈련 손실: {t_best:.4f} -&gt; {t_last:.4f}</translation>
        </message>
        <message>
            <source>training loss did not keep falling after epoch {best}: validation loss was lowest at epoch {best} ({vmin:.4f}) and was {vlast:.4f} at epoch {n} ({rise:+.0%}); training loss went {t_best:.4f} -&gt; {t_last:.4f}</source>
            <translation>에포크 {best} 이후 훈련 손실이 계속 내려가지 않았습니다: 검증 손실: 에포크 {best}에서 최저 {vmin:.4f}, 에포크 {n}에서 {vlast:.4f}({rise:+.0%}). 훈련 손실: {t_best:.4f} -&gt; {t_last:.4f}</translation>
        </message>
        <message>
            <source>validation loss rose after epoch {best} while training loss kept falling: validation loss was lowest at epoch {best} ({vmin:.4f}) and was {vlast:.4f} at epoch {n} ({rise:+.0%}); training loss went {t_best:.4f} -&gt; {t_last:.4f}</source>
            <translation>훈련 손실은 계속 내려가는데 에포크 {best} 이후 검증 손실이 올랐습니다: 검증 손실: 에포크 {best}에서 최저 {vmin:.4f}, 에포크 {n}에서 {vlast:.4f}({rise:+.0%}). 훈련 손실: {t_best:.4f} -&gt; {t_last:.4f}</translation>
        </message>
        <message>
            <source>final {key} is {last:.4f} (below {value:g})</source>
            <translation>마지막 {key}는 {last:.4f}입니다({value:g}보다 낮음)</translation>
        </message>
        <message>
            <source>final {key} is {last:.4f} (not below {value:g})</source>
            <translation>마지막 {key}는 {last:.4f}입니다({value:g}보다 낮지 않음)</translation>
        </message>
        <message>
            <source>{key} went from {first:.4f} (epoch 1) to {last:.4f} (epoch {n})</source>
            <translation>{key}가 {first:.4f}(에포크 1)에서 {last:.4f}(에포크 {n})로 바뀌었습니다</translation>
        </message>
        <message>
            <source>final {key} is {last:.1%} (at least {value:.0%})</source>
            <translation>마지막 {key}는 {last:.1%}입니다({value:.0%} 이상)</translation>
        </message>
        <message>
            <source>final {key} is {last:.1%} (below {value:.0%})</source>
            <translation>마지막 {key}는 {last:.1%}입니다({value:.0%} 미만)</translation>
        </message>
        <message>
            <source>training ran all {req} epochs: early stopping did not trigger (best {monitor} at epoch {best})</source>
            <translation>{req} 에포크를 모두 학습했습니다. 조기 종료가 일어나지 않았습니다(가장 좋은 {monitor}: 에포크 {best})</translation>
        </message>
        <message>
            <source>stopped after {n} epochs; the final {monitor} is unknown so a restore cannot be confirmed</source>
            <translation>{n} 에포크 후에 멈췄습니다. 마지막 {monitor}를 알 수 없어 복원되었는지 확인할 수 없습니다</translation>
        </message>
        <message>
            <source>stopped after epoch {n}; best {monitor} {best_value:.4f} at epoch {best}; final weights give {final:.4f} (restored)</source>
            <translation>에포크 {n} 후에 멈췄습니다. 가장 좋은 {monitor}는 에포크 {best}의 {best_value:.4f}이고, 최종 가중치로는 {final:.4f}입니다(복원됨)</translation>
        </message>
        <message>
            <source>stopped after epoch {n}; best {monitor} {best_value:.4f} at epoch {best}; final weights give {final:.4f} (not the best epoch)</source>
            <translation>에포크 {n} 후에 멈췄습니다. 가장 좋은 {monitor}는 에포크 {best}의 {best_value:.4f}이고, 최종 가중치로는 {final:.4f}입니다(가장 좋은 에포크가 아님)</translation>
        </message>
        <message>
            <source>no hidden Dense layer {layer} found (the model has {units} Dense layers)</source>
            <translation>은닉 Dense 층 {layer}이(가) 없습니다(모델의 Dense 층은 {units}개입니다)</translation>
        </message>
        <message>
            <source>the {units} units of hidden layer {layer} are identical (largest weight difference {spread:.3g})</source>
            <translation>은닉층 {layer}의 유닛 {units}개가 모두 같습니다(가장 큰 가중치 차이 {spread:.3g})</translation>
        </message>
        <message>
            <source>the {units} units of hidden layer {layer} are different (largest weight difference {spread:.3g})</source>
            <translation>은닉층 {layer}의 유닛 {units}개가 서로 다릅니다(가장 큰 가중치 차이 {spread:.3g})</translation>
        </message>
        <message>
            <source>the perceptron classified every sample correctly in epoch {epoch}</source>
            <translation>퍼셉트론이 에포크 {epoch}에서 모든 샘플을 맞게 분류했습니다</translation>
        </message>
        <message>
            <source>after {n} epochs the perceptron still made {errors} mistake(s) per epoch</source>
            <translation>{n} 에포크가 지나도 퍼셉트론은 에포크마다 {errors}번 틀렸습니다</translation>
        </message>
        <message>
            <source>the perceptron converged: no mistakes in epoch {n}</source>
            <translation>퍼셉트론이 수렴했습니다. 에포크 {n}에서 틀린 것이 없습니다</translation>
        </message>
        <message>
            <source>only {n} epochs ran; train at least {min_epochs} to be sure</source>
            <translation>{n} 에포크만 학습했습니다. 확인하려면 적어도 {min_epochs} 에포크를 학습시키세요</translation>
        </message>
        <message>
            <source>after {n} epochs the perceptron still made {errors} mistake(s) in the last epoch (never fewer than {fewest}): the line never settles</source>
            <translation>{n} 에포크가 지나도 퍼셉트론은 마지막 에포크에서 {errors}번 틀렸습니다({fewest}번보다 적은 적이 없음). 직선이 자리를 잡지 못합니다</translation>
        </message>
    </context>
    <context>
        <name>Classroom</name>
        <message>
            <source>&amp;Classroom mode</source>
            <extracomment>zoom levels (percent) the zoom actions step through classroom mode was switched on (True) or off (False) the UI zoom changed (percent)</extracomment>
            <translation>수업 모드(&amp;C)</translation>
        </message>
        <message>
            <source>Show only the panels the lesson needs (again to restore the layout)</source>
            <translation>수업에 필요한 패널만 보여 줍니다(한 번 더 누르면 원래 배치로 돌아갑니다)</translation>
        </message>
        <message>
            <source>Zoom UI In</source>
            <translation>화면 글자 크게</translation>
        </message>
        <message>
            <source>Larger text everywhere (projectors)</source>
            <translation>모든 글자를 크게 (프로젝터용)</translation>
        </message>
        <message>
            <source>Zoom UI Out</source>
            <translation>화면 글자 작게</translation>
        </message>
        <message>
            <source>Smaller text everywhere</source>
            <translation>모든 글자를 작게</translation>
        </message>
        <message>
            <source>Reset UI Zoom</source>
            <translation>화면 배율 초기화</translation>
        </message>
        <message>
            <source>Normal text size</source>
            <translation>보통 글자 크기</translation>
        </message>
        <message>
            <source>UI zoom {0} %</source>
            <translation>화면 배율 {0} %</translation>
        </message>
    </context>
    <context>
        <name>CodeActions</name>
        <message>
            <source>Keras script…</source>
            <extracomment>format -&gt; (action objectName, default file suffix)</extracomment>
            <translation>Keras 스크립트…</translation>
        </message>
        <message>
            <source>PyTorch script…</source>
            <translation>PyTorch 스크립트…</translation>
        </message>
        <message>
            <source>Keras model JSON…</source>
            <translation>Keras 모델 JSON…</translation>
        </message>
        <message>
            <source>Weights (.npz)…</source>
            <translation>가중치 (.npz)…</translation>
        </message>
        <message>
            <source>Training history (.csv)…</source>
            <translation>학습 기록 (.csv)…</translation>
        </message>
        <message>
            <source>Data (.csv)…</source>
            <translation>데이터 (.csv)…</translation>
        </message>
        <message>
            <source>Save the project's data (drawn by hand, imported or built in) as a CSV file: the feature columns, then the target; File &gt; Import reads it</source>
            <translation>프로젝트의 데이터(손으로 그린 것, 가져온 것, 내장된 것)를 CSV 파일로 저장합니다. 특성 열 다음에 목표 열이 오며, 파일 &gt; 가져오기로 다시 읽을 수 있습니다</translation>
        </message>
        <message>
            <source>Plots as PNG…</source>
            <translation>그래프를 PNG로…</translation>
        </message>
        <message>
            <source>Open a Keras Sequential model (model.to_json()) as a new project</source>
            <translation>Keras Sequential 모델(model.to_json())을 새 프로젝트로 엽니다</translation>
        </message>
        <message>
            <source>Load weights trained elsewhere (an exported script's *_trained_weights.npz) into this network to look at them</source>
            <translation>다른 곳에서 학습한 가중치(내보낸 스크립트의 *_trained_weights.npz)를 이 신경망에 불러와 살펴봅니다</translation>
        </message>
        <message>
            <source>Scripts use nnstudio's batch order</source>
            <translation>스크립트가 nnstudio의 배치 순서 사용</translation>
        </message>
        <message>
            <source>On: the exported Keras and PyTorch scripts draw each epoch's batch order from nnstudio's seeded generator (order = rng.permutation(n)), so their loss curve follows nnstudio's (the PyTorch script also uses nnstudio's dropout masks). Off: they shuffle their own way.</source>
            <translation>켜면: 내보낸 Keras와 PyTorch 스크립트가 에포크마다 배치 순서를 nnstudio의 시드 난수 생성기에서 뽑으므로(order = rng.permutation(n)) 손실 곡선이 nnstudio와 같아집니다(PyTorch 스크립트는 nnstudio의 드롭아웃 마스크도 씁니다). 끄면: 각 프레임워크의 방식대로 섞습니다.</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>{suffix} files (*{suffix});;All files (*)</source>
            <translation>{suffix} 파일 (*{suffix});;모든 파일 (*)</translation>
        </message>
        <message>
            <source>The network has not been trained yet: train it first.</source>
            <translation>신경망을 아직 학습시키지 않았습니다. 먼저 학습시키세요.</translation>
        </message>
        <message>
            <source>There is no training history yet: train the network first.</source>
            <translation>아직 학습 기록이 없습니다. 먼저 신경망을 학습시키세요.</translation>
        </message>
        <message>
            <source>The data is not ready yet: wait until it is prepared, or choose a dataset that loads.</source>
            <translation>데이터가 아직 준비되지 않았습니다. 준비가 끝날 때까지 기다리거나, 불러올 수 있는 데이터셋을 고르세요.</translation>
        </message>
        <message>
            <source>The dataset could not be loaded: {reason}</source>
            <translation>데이터셋을 불러올 수 없습니다: {reason}</translation>
        </message>
        <message>
            <source>Fix these problems first:</source>
            <translation>먼저 다음 문제를 해결하세요:</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>내보낼 수 없음</translation>
        </message>
        <message>
            <source>{path} could not be written: {reason}</source>
            <translation>{path}에 쓸 수 없습니다: {reason}</translation>
        </message>
        <message>
            <source>Exported {files}</source>
            <translation>{files}(으)로 내보냈습니다</translation>
        </message>
        <message>
            <source>Export plots to folder</source>
            <translation>그래프를 내보낼 폴더</translation>
        </message>
        <message>
            <source>{n} plot(s) saved to {folder}.</source>
            <translation>그래프 {n}개를 {folder}에 저장했습니다.</translation>
        </message>
        <message>
            <source>Not saved:</source>
            <translation>저장하지 못함:</translation>
        </message>
        <message>
            <source>There are no plots to export.</source>
            <translation>내보낼 그래프가 없습니다.</translation>
        </message>
        <message>
            <source>Export plots</source>
            <translation>그래프 내보내기</translation>
        </message>
        <message>
            <source>{n} plot(s) saved to {folder}</source>
            <translation>그래프 {n}개를 {folder}에 저장했습니다</translation>
        </message>
        <message>
            <source>Stop training before opening another project.</source>
            <translation>다른 프로젝트를 열기 전에 학습을 멈추세요.</translation>
        </message>
        <message>
            <source>Import Keras model JSON</source>
            <translation>Keras 모델 JSON 가져오기</translation>
        </message>
        <message>
            <source>Keras model JSON (*.json);;All files (*)</source>
            <translation>Keras 모델 JSON (*.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>the file is too large to be a model description</source>
            <translation>모델 설명 파일이라기에는 파일이 너무 큽니다</translation>
        </message>
        <message>
            <source>Cannot import</source>
            <translation>가져올 수 없음</translation>
        </message>
        <message>
            <source>{path} could not be read: {reason}</source>
            <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
        </message>
        <message>
            <source>{name} cannot be imported:</source>
            <translation>{name}을(를) 가져올 수 없습니다:</translation>
        </message>
        <message>
            <source>Your current project was not changed.</source>
            <translation>현재 프로젝트는 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <source>Imported {name} as a new project</source>
            <translation>{name}을(를) 새 프로젝트로 가져왔습니다</translation>
        </message>
        <message>
            <source>Import weights</source>
            <translation>가중치 가져오기</translation>
        </message>
        <message>
            <source>Weights (*.npz);;All files (*)</source>
            <translation>가중치 (*.npz);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Import weights from {name}</source>
            <translation>{name}에서 가중치 가져오기</translation>
        </message>
        <message>
            <source>Imported the weights from {name}</source>
            <translation>{name}에서 가중치를 가져왔습니다</translation>
        </message>
    </context>
    <context>
        <name>CodePanel</name>
        <message>
            <source>Code</source>
            <translation>코드</translation>
        </message>
        <message>
            <source>Keras</source>
            <extracomment>emitted after the code was regenerated</extracomment>
            <translation>Keras</translation>
        </message>
        <message>
            <source>PyTorch</source>
            <translation>PyTorch</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>복사</translation>
        </message>
        <message>
            <source>Copy the code of the visible tab to the clipboard</source>
            <translation>보이는 탭의 코드를 클립보드에 복사합니다</translation>
        </message>
        <message>
            <source>The network has problems: this code will not train until they are fixed.</source>
            <translation>신경망에 문제가 있습니다. 문제를 해결하기 전에는 이 코드로 학습할 수 없습니다.</translation>
        </message>
        <message>
            <source>Export writes the script with its data and weights beside it.</source>
            <translation>내보내기를 하면 스크립트와 함께 데이터와 가중치 파일도 옆에 저장됩니다.</translation>
        </message>
        <message>
            <source>No code yet: {reason}</source>
            <translation>아직 코드가 없습니다: {reason}</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>클립보드에 복사했습니다.</translation>
        </message>
    </context>
    <context>
        <name>ColumnPicker</name>
        <message>
            <source>Target column(s) – what to predict</source>
            <extracomment>what the sniffer thought each column could be ('text' columns are not ticked as features)</extracomment>
            <translation>타깃 열 – 예측할 값</translation>
        </message>
        <message>
            <source>Feature columns – the inputs</source>
            <translation>특성 열 – 입력값</translation>
        </message>
        <message>
            <source>column {0}</source>
            <translation>{0}열</translation>
        </message>
        <message>
            <source>target</source>
            <translation>타깃</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>특성</translation>
        </message>
        <message>
            <source>not used</source>
            <translation>사용 안 함</translation>
        </message>
    </context>
    <context>
        <name>CompareRunner</name>
        <message>
            <source>Comparing needs the training part of the studio, which is not loaded.</source>
            <extracomment>a human-readable progress line ("Training 2/5: Dropout…") the comparison ended: (names of the kept runs, completed normally)</extracomment>
            <translation>비교하려면 학습 기능이 필요한데, 불러오지 못했습니다.</translation>
        </message>
        <message>
            <source>Compare: {0}</source>
            <translation>비교: {0}</translation>
        </message>
        <message>
            <source>The project cannot be changed now.</source>
            <translation>지금은 프로젝트를 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>Training {0}/{1}: {2}…</source>
            <translation>학습 중 {0}/{1}: {2}…</translation>
        </message>
        <message>
            <source>Could not train '{0}': {1}</source>
            <translation>'{0}'을(를) 학습시킬 수 없습니다: {1}</translation>
        </message>
        <message>
            <source>see the Problems panel</source>
            <translation>문제 패널을 확인하세요</translation>
        </message>
        <message>
            <source>Comparison done: {0}.</source>
            <translation>비교 완료: {0}.</translation>
        </message>
        <message>
            <source>Comparison stopped after {0} of {1} runs.</source>
            <translation>실행 {1}번 중 {0}번 후 비교를 멈췄습니다.</translation>
        </message>
    </context>
    <context>
        <name>ConfusionExamplesPanel</name>
        <message>
            <source>For classification datasets: click a cell of the confusion matrix to see its samples.</source>
            <extracomment>thumbnail side, and the most examples listed</extracomment>
            <translation>분류 데이터셋에서 쓸 수 있습니다. 혼동 행렬의 칸을 클릭하면 그 칸의 샘플을 보여 줍니다.</translation>
        </message>
        <message>
            <source>Click a cell of the confusion matrix to see its samples (off the diagonal: the mistakes).</source>
            <translation>혼동 행렬의 칸을 클릭하면 그 칸의 샘플을 보여 줍니다(대각선 밖의 칸은 틀린 예측입니다).</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>training</source>
            <translation>훈련</translation>
        </message>
        <message>
            <source>{n} {where} samples of {true} recognised correctly.</source>
            <translation>{true}인 {where} 샘플 {n}개를 맞게 알아보았습니다.</translation>
        </message>
        <message>
            <source>{n} {where} samples of {true} taken for {pred}, most confident first.</source>
            <translation>{true}인 {where} 샘플 {n}개를 {pred}(으)로 잘못 보았습니다. 가장 확신한 것부터 보여 줍니다.</translation>
        </message>
        <message>
            <source>The first {m} are shown.</source>
            <translation>처음 {m}개만 보여 줍니다.</translation>
        </message>
        <message>
            <source>Sample {i}: a {true}; the network says {pred} with p = {p:.3f}. Click to select it.</source>
            <translation>샘플 {i}: 정답은 {true}, 신경망의 답은 {pred} (p = {p:.3f}). 클릭하면 이 샘플을 선택합니다.</translation>
        </message>
    </context>
    <context>
        <name>ConfusionPanel</name>
        <message>
            <source>Confusion matrix</source>
            <translation>혼동 행렬</translation>
        </message>
        <message>
            <source>The confusion matrix is for classification datasets.</source>
            <translation>혼동 행렬은 분류 데이터셋에서만 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>On the validation split: rows = true class, columns = predicted class.</source>
            <translation>검증 데이터 기준: 행 = 실제 클래스, 열 = 예측 클래스.</translation>
        </message>
        <message>
            <source>On the training set (no validation split): rows = true class, columns = predicted class.</source>
            <translation>훈련 데이터 기준(검증 데이터 없음): 행 = 실제 클래스, 열 = 예측 클래스.</translation>
        </message>
        <message>
            <source>true {name}</source>
            <translation>실제 {name}</translation>
        </message>
        <message>
            <source>pred {name}</source>
            <translation>예측 {name}</translation>
        </message>
        <message>
            <source>Accuracy {accuracy:.1%} on {total} samples.</source>
            <translation>샘플 {total}개에 대한 정확도 {accuracy:.1%}.</translation>
        </message>
    </context>
    <context>
        <name>CsvImportDialog</name>
        <message>
            <source>Import CSV</source>
            <translation>CSV 가져오기</translation>
        </message>
        <message>
            <source>No file chosen.</source>
            <extracomment>files up to this size are read and checked at once on the GUI thread block size for reading the embedded text in the worker (None: default)</extracomment>
            <translation>선택한 파일이 없습니다.</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>파일 선택…</translation>
        </message>
        <message>
            <source>First row is a header</source>
            <translation>첫 행은 머리글</translation>
        </message>
        <message>
            <source>Decimal point ( 1.5 )</source>
            <translation>소수점 마침표 ( 1.5 )</translation>
        </message>
        <message>
            <source>Decimal comma ( 1,5 )</source>
            <translation>소수점 쉼표 ( 1,5 )</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>구분자</translation>
        </message>
        <message>
            <source>Detect automatically</source>
            <translation>자동 감지</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>작업 유형</translation>
        </message>
        <message>
            <source>Missing values</source>
            <translation>결측값</translation>
        </message>
        <message>
            <source>Standardize features (fitted on the training split only)</source>
            <translation>특성 표준화 (훈련 데이터로만 맞춤)</translation>
        </message>
        <message>
            <source>Features are images</source>
            <translation>특성이 이미지입니다</translation>
        </message>
        <message>
            <source>Each row's features are the pixels of a square picture, row by row (e.g. 784 columns = 28×28, as in MNIST CSV files): the image views (thumbnails, draw pad, weight images) then apply.</source>
            <translation>각 행의 특성이 정사각형 그림의 픽셀을 한 줄씩 차례로 담고 있습니다(예: MNIST CSV 파일처럼 열 784개 = 28×28). 그러면 이미지 보기(썸네일, 그리기 패드, 가중치 이미지)를 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>가져오기</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>{0} ({1} bytes)</source>
            <translation>{0} ({1}바이트)</translation>
        </message>
        <message>
            <source>{0} (large file: about {1} rows; the whole file is read when you press Import)</source>
            <translation>{0} (큰 파일: 약 {1}행. 가져오기를 누르면 파일 전체를 읽습니다)</translation>
        </message>
        <message>
            <source>Features are {w}×{h} images</source>
            <translation>특성이 {w}×{h} 이미지입니다</translation>
        </message>
        <message>
            <source>Features are images (needs a square number of feature columns, e.g. 784 = 28×28)</source>
            <translation>특성이 이미지입니다(특성 열의 개수가 제곱수여야 합니다. 예: 784 = 28×28)</translation>
        </message>
        <message>
            <source>Choose a CSV file to import.</source>
            <translation>가져올 CSV 파일을 선택하세요.</translation>
        </message>
        <message>
            <source>No target column chosen. Tick the column the network should predict in the target list.</source>
            <translation>타깃 열을 고르지 않았습니다. 타깃 목록에서 신경망이 예측할 열에 체크하세요.</translation>
        </message>
        <message>
            <source>No feature columns chosen. Tick at least one input column in the feature list.</source>
            <translation>특성 열을 고르지 않았습니다. 특성 목록에서 입력 열을 하나 이상 체크하세요.</translation>
        </message>
        <message>
            <source>This file cannot be read as a dataset ({0}).</source>
            <translation>이 파일은 데이터셋으로 읽을 수 없습니다({0}).</translation>
        </message>
        <message>
            <source>{0} rows</source>
            <translation>{0}행</translation>
        </message>
        <message>
            <source>{0} features</source>
            <translation>특성 {0}개</translation>
        </message>
        <message>
            <source>{0} classes</source>
            <translation>클래스 {0}개</translation>
        </message>
        <message>
            <source>{w}×{h} images</source>
            <translation>{w}×{h} 이미지</translation>
        </message>
        <message>
            <source>First rows: {0}. The whole file is checked when you press Import.</source>
            <translation>처음 몇 행: {0}. 가져오기를 누르면 파일 전체를 검사합니다.</translation>
        </message>
        <message>
            <source>Detect automatically ({0})</source>
            <translation>자동 감지 ({0})</translation>
        </message>
        <message>
            <source>Class labels become numbers: {0}</source>
            <translation>클래스 레이블을 숫자로 바꿉니다: {0}</translation>
        </message>
        <message>
            <source>Import {0}</source>
            <translation>{0} 가져오기</translation>
        </message>
        <message>
            <source>The project cannot be changed now.</source>
            <translation>지금은 프로젝트를 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>Reading {0}…</source>
            <translation>{0} 읽는 중…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was changed.</source>
            <translation>가져오기를 취소했습니다. 아무것도 바뀌지 않았습니다.</translation>
        </message>
    </context>
    <context>
        <name>DataDock</name>
        <message>
            <source>A large dataset is generated, split and scaled in the background; Train is enabled when it is ready.</source>
            <extracomment>QListWidgetItem data role holding the dataset name ('' for the imported CSV entry)</extracomment>
            <translation>큰 데이터셋은 백그라운드에서 생성·분할·스케일링됩니다. 준비가 끝나면 학습 버튼이 켜집니다.</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>매개변수</translation>
        </message>
        <message>
            <source>Regenerate (new seed)</source>
            <translation>다시 생성 (새 시드)</translation>
        </message>
        <message>
            <source>Draw a new random sample of this dataset (seed + 1).</source>
            <translation>이 데이터셋을 새로 무작위 생성합니다(시드 + 1).</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>CSV 가져오기…</translation>
        </message>
        <message>
            <source>Load your own data from a CSV file into the project.</source>
            <translation>CSV 파일에서 직접 준비한 데이터를 프로젝트로 불러옵니다.</translation>
        </message>
        <message>
            <source>Split and scaling</source>
            <translation>분할과 스케일링</translation>
        </message>
        <message>
            <source>Fraction of the samples held out to check the network on data it did not train on (0 = train on everything).</source>
            <translation>학습에 쓰지 않은 데이터로 신경망을 확인하려고 따로 떼어 두는 샘플의 비율입니다(0 = 전부 학습에 사용).</translation>
        </message>
        <message>
            <source>Validation fraction</source>
            <translation>검증 데이터 비율</translation>
        </message>
        <message>
            <source>Seed of the random train/validation split.</source>
            <translation>훈련/검증 데이터를 무작위로 나눌 때 쓰는 시드입니다.</translation>
        </message>
        <message>
            <source>Change split seed</source>
            <translation>분할 시드 변경</translation>
        </message>
        <message>
            <source>Split seed</source>
            <translation>분할 시드</translation>
        </message>
        <message>
            <source>Standardize features</source>
            <translation>특성 표준화</translation>
        </message>
        <message>
            <source>Scale every feature to mean 0 and standard deviation 1, measured on the training split only.</source>
            <translation>모든 특성을 평균 0, 표준편차 1로 맞춥니다. 평균과 표준편차는 훈련 데이터에서만 잽니다.</translation>
        </message>
        <message>
            <source>Toggle standardization</source>
            <translation>표준화 켜기/끄기</translation>
        </message>
        <message>
            <source>Class numbers (0, 1, 2 …)</source>
            <translation>클래스 번호 (0, 1, 2 …)</translation>
        </message>
        <message>
            <source>One-hot vectors</source>
            <translation>원-핫 벡터</translation>
        </message>
        <message>
            <source>How class labels reach the loss: class numbers for sparse_categorical_crossentropy / binary cross-entropy, one-hot vectors for categorical_crossentropy.</source>
            <translation>클래스 레이블을 손실 함수에 넘기는 방식입니다. sparse_categorical_crossentropy와 이진 교차 엔트로피에는 클래스 번호를, categorical_crossentropy에는 원-핫 벡터를 씁니다.</translation>
        </message>
        <message>
            <source>Change label format</source>
            <translation>레이블 형식 변경</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>레이블</translation>
        </message>
        <message>
            <source>not loaded</source>
            <translation>불러오지 않음</translation>
        </message>
        <message>
            <source>Drawn by hand</source>
            <translation>직접 그린 데이터</translation>
        </message>
        <message>
            <source>Imported: {0}</source>
            <translation>가져온 데이터: {0}</translation>
        </message>
        <message>
            <source>CSV data</source>
            <translation>CSV 데이터</translation>
        </message>
        <message>
            <source>Points drawn in the data view; they are stored inside the project.</source>
            <translation>데이터 보기에서 그린 점들입니다. 프로젝트 안에 저장됩니다.</translation>
        </message>
        <message>
            <source>Data imported from a CSV file; it is stored inside the project.</source>
            <translation>CSV 파일에서 가져온 데이터입니다. 프로젝트 안에 저장됩니다.</translation>
        </message>
        <message>
            <source>Your own data, drawn by hand in the data view (Draw).</source>
            <translation>데이터 보기에서 직접 그린 나만의 데이터입니다(그리기).</translation>
        </message>
        <message>
            <source>Your own data, imported from a CSV file.</source>
            <translation>CSV 파일에서 가져온 직접 준비한 데이터입니다.</translation>
        </message>
        <message>
            <source>Preparing the data…</source>
            <translation>데이터를 준비하는 중…</translation>
        </message>
        <message>
            <source>The dataset could not be loaded: {0}</source>
            <translation>데이터셋을 불러올 수 없습니다: {0}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>알 수 없는 오류</translation>
        </message>
        <message>
            <source>{0} samples × {1} features</source>
            <translation>샘플 {0}개 × 특성 {1}개</translation>
        </message>
        <message>
            <source>{0} classes</source>
            <translation>클래스 {0}개</translation>
        </message>
        <message>
            <source>train {0} / validation {1}</source>
            <translation>훈련 {0} / 검증 {1}</translation>
        </message>
        <message>
            <source>The change was refused.</source>
            <translation>변경이 거부되었습니다.</translation>
        </message>
        <message>
            <source>Choose dataset {0}</source>
            <translation>데이터셋 {0} 선택</translation>
        </message>
        <message>
            <source>Set {0} to {1}</source>
            <translation>{0}을(를) {1}(으)로 설정</translation>
        </message>
        <message>
            <source>Regenerate {0} (seed {1})</source>
            <translation>{0} 다시 생성 (시드 {1})</translation>
        </message>
        <message>
            <source>Set validation fraction to {0}</source>
            <translation>검증 데이터 비율을 {0}(으)로 설정</translation>
        </message>
        <message>
            <source>Import CSV</source>
            <translation>CSV 가져오기</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>AND gate</source>
            <translation>AND 게이트</translation>
        </message>
        <message>
            <source>The AND truth table: output 1 only when both inputs are 1.</source>
            <translation>AND 진리표: 두 입력이 모두 1일 때만 1을 출력합니다.</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>반복 횟수</translation>
        </message>
        <message>
            <source>Copies of the 4-row table (for mini-batch lessons).</source>
            <translation>4행짜리 진리표를 몇 번 복사할지 정합니다(미니배치 수업용).</translation>
        </message>
        <message>
            <source>Noise</source>
            <translation>잡음</translation>
        </message>
        <message>
            <source>Gaussian jitter added to the inputs (0 = exact table).</source>
            <translation>입력에 더하는 가우스 잡음입니다(0 = 정확한 진리표).</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <source>Random seed: the same seed gives the same data.</source>
            <translation>난수 시드: 시드가 같으면 데이터도 같습니다.</translation>
        </message>
        <message>
            <source>NAND gate</source>
            <translation>NAND 게이트</translation>
        </message>
        <message>
            <source>The NAND truth table: output 0 only when both inputs are 1.</source>
            <translation>NAND 진리표: 두 입력이 모두 1일 때만 0을 출력합니다.</translation>
        </message>
        <message>
            <source>OR gate</source>
            <translation>OR 게이트</translation>
        </message>
        <message>
            <source>The OR truth table: output 1 when at least one input is 1.</source>
            <translation>OR 진리표: 입력 중 하나라도 1이면 1을 출력합니다.</translation>
        </message>
        <message>
            <source>XOR gate</source>
            <translation>XOR 게이트</translation>
        </message>
        <message>
            <source>The XOR truth table: output 1 when the inputs differ; no single line separates it.</source>
            <translation>XOR 진리표: 두 입력이 서로 다를 때 1을 출력합니다. 직선 하나로는 나눌 수 없습니다.</translation>
        </message>
        <message>
            <source>Circle</source>
            <translation>원</translation>
        </message>
        <message>
            <source>One class inside a disc, the other on a ring around it.</source>
            <translation>한 클래스는 원판 안에, 다른 클래스는 그 둘레의 고리 위에 있습니다.</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>샘플 수</translation>
        </message>
        <message>
            <source>Number of points.</source>
            <translation>점의 개수입니다.</translation>
        </message>
        <message>
            <source>Standard deviation of the Gaussian noise.</source>
            <translation>가우스 잡음의 표준편차입니다.</translation>
        </message>
        <message>
            <source>XOR quadrants</source>
            <translation>XOR 사분면</translation>
        </message>
        <message>
            <source>Points in four quadrants labelled like XOR: a hidden layer is needed.</source>
            <translation>네 사분면의 점에 XOR처럼 레이블을 붙였습니다. 은닉층이 필요합니다.</translation>
        </message>
        <message>
            <source>Two Gaussians</source>
            <translation>두 가우스 분포</translation>
        </message>
        <message>
            <source>Two round point clouds; a straight line separates them.</source>
            <translation>둥근 점 구름 두 개입니다. 직선 하나로 나눌 수 있습니다.</translation>
        </message>
        <message>
            <source>Spread (std) of each cloud.</source>
            <translation>각 점 구름의 퍼짐(표준편차)입니다.</translation>
        </message>
        <message>
            <source>Spiral</source>
            <translation>나선</translation>
        </message>
        <message>
            <source>Interleaved spiral arms, one class per arm: hard without hidden layers.</source>
            <translation>서로 맞물린 나선 팔이며 팔마다 클래스가 하나입니다. 은닉층 없이는 어렵습니다.</translation>
        </message>
        <message>
            <source>Arms</source>
            <translation>팔 개수</translation>
        </message>
        <message>
            <source>Number of arms (= classes; more than 2 is multiclass).</source>
            <translation>나선 팔의 개수입니다(= 클래스 수, 2보다 크면 다중 클래스).</translation>
        </message>
        <message>
            <source>Spiral, 3+ classes</source>
            <translation>나선, 3개 이상 클래스</translation>
        </message>
        <message>
            <source>Three (or more) interleaved spiral arms, one class each: a multi-class decision map.</source>
            <translation>서로 얽힌 나선 팔 3개(또는 그 이상), 팔마다 클래스 하나: 다중 클래스 결정 지도를 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>Number of arms (= classes).</source>
            <translation>팔의 개수(= 클래스 수).</translation>
        </message>
        <message>
            <source>Above/below a sine</source>
            <translation>사인 곡선 위/아래</translation>
        </message>
        <message>
            <source>Class 1 above the wave x₂ = 0.8·sin(π·x₁), class 0 below it.</source>
            <translation>물결 x₂ = 0.8·sin(π·x₁) 위는 클래스 1, 아래는 클래스 0입니다.</translation>
        </message>
        <message>
            <source>Above/below a cubic</source>
            <translation>3차 곡선 위/아래</translation>
        </message>
        <message>
            <source>Class 1 above the curve x₂ = x₁³ − x₁, class 0 below it.</source>
            <translation>곡선 x₂ = x₁³ − x₁ 위는 클래스 1, 아래는 클래스 0입니다.</translation>
        </message>
        <message>
            <source>Above/below |x|</source>
            <translation>|x| 위/아래</translation>
        </message>
        <message>
            <source>Class 1 above the V x₂ = |x₁| − 0.5, class 0 below it.</source>
            <translation>V자 x₂ = |x₁| − 0.5 위는 클래스 1, 아래는 클래스 0입니다.</translation>
        </message>
        <message>
            <source>Moons</source>
            <translation>반달</translation>
        </message>
        <message>
            <source>Two interleaving half circles.</source>
            <translation>서로 맞물린 반원 두 개입니다.</translation>
        </message>
        <message>
            <source>Blobs</source>
            <translation>점 덩어리</translation>
        </message>
        <message>
            <source>Gaussian blobs, one class each, around a circle.</source>
            <translation>원을 따라 놓인 가우스 점 덩어리이며, 덩어리마다 클래스가 하나입니다.</translation>
        </message>
        <message>
            <source>Spread (std) of each blob.</source>
            <translation>각 덩어리의 퍼짐(표준편차)입니다.</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>클래스 수</translation>
        </message>
        <message>
            <source>Number of blobs (= classes).</source>
            <translation>점 덩어리의 개수입니다(= 클래스 수).</translation>
        </message>
        <message>
            <source>Sine wave</source>
            <translation>사인파</translation>
        </message>
        <message>
            <source>One input, y = sin(x) plus noise: fit a curve.</source>
            <translation>입력 하나, y = sin(x)에 잡음을 더했습니다. 곡선을 맞춰 보세요.</translation>
        </message>
        <message>
            <source>Plane</source>
            <translation>평면</translation>
        </message>
        <message>
            <source>Two inputs, y a linear plane plus noise: linear regression.</source>
            <translation>입력 두 개, y는 평면에 잡음을 더한 값입니다. 선형 회귀입니다.</translation>
        </message>
        <message>
            <source>Gaussian bump</source>
            <translation>가우스 언덕</translation>
        </message>
        <message>
            <source>Two inputs, y a smooth bump in the middle.</source>
            <translation>입력 두 개, y는 가운데가 부드럽게 솟은 언덕입니다.</translation>
        </message>
        <message>
            <source>Keras example (32 → 5)</source>
            <translation>Keras 예제 (32 → 5)</translation>
        </message>
        <message>
            <source>The lesson's Keras example shape: 32 features, 5 classes with integer labels.</source>
            <translation>수업의 Keras 예제와 같은 모양입니다. 특성 32개, 정수 레이블 클래스 5개.</translation>
        </message>
        <message>
            <source>Spread around each class centre.</source>
            <translation>각 클래스 중심 주변의 퍼짐입니다.</translation>
        </message>
        <message>
            <source>Iris flowers</source>
            <translation>붓꽃</translation>
        </message>
        <message>
            <source>Fisher's Iris: 150 flowers, 4 measurements in cm, 3 species.</source>
            <translation>피셔의 붓꽃 데이터: 꽃 150송이, cm 단위 측정값 4개, 품종 3가지.</translation>
        </message>
        <message>
            <source>Handwritten digits (8×8)</source>
            <translation>손글씨 숫자 (8×8)</translation>
        </message>
        <message>
            <source>1,797 handwritten digits 0–9 as 8×8 images of ink counts 0–16 (UCI).</source>
            <translation>손으로 쓴 숫자 0–9 1,797개: 잉크 개수 0–16으로 된 8×8 이미지 (UCI).</translation>
        </message>
        <message>
            <source>Small noisy sine (overfitting)</source>
            <translation>잡음 섞인 작은 사인파 (과적합)</translation>
        </message>
        <message>
            <source>Only a few noisy points: a big network memorises the noise; try regularization.</source>
            <translation>잡음 섞인 점이 몇 개뿐입니다. 큰 신경망은 잡음까지 외워 버리니 규제를 써 보세요.</translation>
        </message>
    </context>
    <context>
        <name>DataPanel</name>
        <message>
            <source>Data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <source>Data view</source>
            <translation>데이터 보기</translation>
        </message>
        <message>
            <source>CSV dataset…</source>
            <translation>CSV 데이터셋…</translation>
        </message>
        <message>
            <source>Load your own data from a CSV file into the project.</source>
            <translation>CSV 파일에서 직접 준비한 데이터를 프로젝트로 불러옵니다.</translation>
        </message>
        <message>
            <source>regression</source>
            <translation>회귀</translation>
        </message>
        <message>
            <source>binary</source>
            <translation>이진 분류</translation>
        </message>
        <message>
            <source>multi-class</source>
            <translation>다중 클래스 분류</translation>
        </message>
    </context>
    <context>
        <name>DataView</name>
        <message>
            <source>Preparing the data… (a large dataset is generated, split and scaled in the background; the window stays usable)</source>
            <translation>데이터를 준비하는 중… (큰 데이터셋은 백그라운드에서 생성·분할·스케일링되며, 그동안에도 창을 사용할 수 있습니다)</translation>
        </message>
        <message>
            <source>No data to show: {0}</source>
            <translation>보여 줄 데이터가 없습니다: {0}</translation>
        </message>
        <message>
            <source>no dataset</source>
            <translation>데이터셋 없음</translation>
        </message>
        <message>
            <source>drawn by hand</source>
            <translation>직접 그린 데이터</translation>
        </message>
        <message>
            <source>imported from {name}</source>
            <translation>{name}에서 가져옴</translation>
        </message>
        <message>
            <source>● training   ○ validation   ◎ selected sample (click a point to select)</source>
            <translation>● 훈련   ○ 검증   ◎ 선택한 샘플 (점을 클릭해 선택)</translation>
        </message>
        <message>
            <source>showing an even sample of {shown:,} of the {total:,} points (training uses all of them)</source>
            <translation>점 {total:,}개 중 고르게 뽑은 {shown:,}개만 표시 (학습에는 모두 사용)</translation>
        </message>
        <message>
            <source>{name} (input)</source>
            <translation>{name} (입력)</translation>
        </message>
        <message>
            <source>{name} (target)</source>
            <translation>{name} (목표값)</translation>
        </message>
        <message>
            <source>class</source>
            <translation>클래스</translation>
        </message>
        <message>
            <source>column</source>
            <translation>열</translation>
        </message>
        <message>
            <source>mean</source>
            <translation>평균</translation>
        </message>
        <message>
            <source>std</source>
            <translation>표준편차</translation>
        </message>
        <message>
            <source>min</source>
            <translation>최솟값</translation>
        </message>
        <message>
            <source>max</source>
            <translation>최댓값</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>결측</translation>
        </message>
    </context>
    <context>
        <name>DecisionPanel</name>
        <message>
            <source>Decision boundary</source>
            <translation>결정 경계</translation>
        </message>
        <message>
            <source>The output view needs a dataset with 1 or 2 input features.</source>
            <extracomment>while training, the neuron thumbnails are redrawn at most this often (s); the canvas draws the same maps live the plot is never smaller than this (pixels, each side)</extracomment>
            <translation>출력 보기에는 입력 특성이 1개 또는 2개인 데이터셋이 필요합니다.</translation>
        </message>
        <message>
            <source>target</source>
            <translation>목표값</translation>
        </message>
        <message>
            <source>class probability</source>
            <translation>클래스 확률</translation>
        </message>
        <message>
            <source>Model output over the input plane (colour = class probabilities).</source>
            <translation>입력 평면 위의 모델 출력(색 = 클래스 확률).</translation>
        </message>
        <message>
            <source>Model output over the input plane (regression surface, light = high).</source>
            <translation>입력 평면 위의 모델 출력(회귀 곡면, 밝을수록 큰 값).</translation>
        </message>
        <message>
            <source>The model's curve over the data: the line is the prediction for every x.</source>
            <translation>데이터 위에 그린 모델의 곡선: 선은 각 x에 대한 예측값입니다.</translation>
        </message>
        <message>
            <source>The model's class probabilities along x.</source>
            <translation>x에 따른 모델의 클래스 확률.</translation>
        </message>
        <message>
            <source>Showing an even sample of {shown:,} of the {total:,} points.</source>
            <translation>점 {total:,}개 중 고르게 뽑은 {shown:,}개만 표시합니다.</translation>
        </message>
        <message>
            <source>● training</source>
            <translation>● 훈련</translation>
        </message>
        <message>
            <source>▲ validation</source>
            <translation>▲ 검증</translation>
        </message>
        <message>
            <source>model</source>
            <translation>모델</translation>
        </message>
        <message>
            <source>output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>The model output (decision boundary / surface)</source>
            <translation>모델 출력 (결정 경계 / 곡면)</translation>
        </message>
        <message>
            <source>Layer {layer} ({kind}), neuron {neuron}: its output over the input plane</source>
            <translation>{layer}번 층({kind})의 뉴런 {neuron}: 입력 평면 위에서의 출력</translation>
        </message>
    </context>
    <context>
        <name>DepthQuizWidget</name>
        <message>
            <source>network (input first)</source>
            <translation>신경망 (입력부터)</translation>
        </message>
        <message>
            <source>depth</source>
            <translation>깊이</translation>
        </message>
        <message>
            <source>hidden layers</source>
            <translation>은닉층 수</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>✗ depth {0}, hidden {1}</source>
            <translation>✗ 깊이 {0}, 은닉층 {1}</translation>
        </message>
        <message>
            <source>All {0} right. The input layer is never counted.</source>
            <translation>{0}개 모두 맞았습니다. 입력층은 세지 않습니다.</translation>
        </message>
        <message>
            <source>{0} of {1} right. Count only layers that compute: hidden layers plus the output layer.</source>
            <translation>{1}개 중 {0}개 맞았습니다. 계산을 하는 층만 세세요: 은닉층과 출력층입니다.</translation>
        </message>
    </context>
    <context>
        <name>DrawPad</name>
        <message>
            <source>Draw a digit: left mouse button draws, right button erases. The 32×32 pad is reduced like the UCI images: the ink pixels of each 4×4 block are counted (0–16).</source>
            <extracomment>brush radius in pad pixels (strokes about 3 pixels wide, like the NIST bitmaps) the mouse button was released (a stroke ended)</extracomment>
            <translation>숫자를 그려 보세요. 왼쪽 버튼으로 그리고 오른쪽 버튼으로 지웁니다. 32×32 패드는 UCI 이미지와 같은 방식으로 줄어듭니다: 4×4 블록마다 잉크가 칠해진 픽셀 수를 셉니다(0–16).</translation>
        </message>
    </context>
    <context>
        <name>DrawPadPanel</name>
        <message>
            <source>The pad reduced to 8×8: each pixel counts the inked pad pixels of one 4×4 block, 0 (white) to 16 (black).</source>
            <extracomment>the prediction was recomputed: (probabilities, seconds it took)</extracomment>
            <translation>8×8로 줄인 패드입니다. 픽셀마다 4×4 블록 하나에서 칠해진 패드 픽셀 수를 셉니다. 0(흰색)부터 16(검은색)까지.</translation>
        </message>
        <message>
            <source>Fit to the box</source>
            <translation>상자에 맞추기</translation>
        </message>
        <message>
            <source>Scale and centre the drawing so it fills the pad before counting, as the UCI images were normalised.</source>
            <translation>세기 전에 그림을 패드에 꽉 차도록 키우고 가운데로 옮깁니다. UCI 이미지도 이렇게 정규화했습니다.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>지우기</translation>
        </message>
        <message>
            <source>Wipe the pad.</source>
            <translation>패드를 깨끗이 지웁니다.</translation>
        </message>
        <message>
            <source>Use as sample</source>
            <translation>샘플로 사용</translation>
        </message>
        <message>
            <source>Send the drawing through the network views: the canvas and the activations show its values until you pick a dataset sample again.</source>
            <translation>그림을 신경망 보기에 보냅니다. 데이터셋 샘플을 다시 고를 때까지 캔버스와 활성값 보기가 이 그림의 값을 보여 줍니다.</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>확률</translation>
        </message>
        <message>
            <source>The network's output for the drawing: softmax pᵢ = e^zᵢ / Σⱼ e^zⱼ, one bar per class.</source>
            <translation>그림에 대한 신경망의 출력입니다. 소프트맥스 pᵢ = e^zᵢ / Σⱼ e^zⱼ, 클래스마다 막대 하나.</translation>
        </message>
        <message>
            <source>Input {w}×{h}:</source>
            <translation>입력 {w}×{h}:</translation>
        </message>
        <message>
            <source>What the network sees: the pad reduced to {w}×{h}.</source>
            <translation>신경망이 보는 입력: {w}×{h}로 줄인 패드입니다.</translation>
        </message>
        <message>
            <source>The draw pad works with image datasets such as the handwritten digits.</source>
            <translation>그리기 패드는 손글씨 숫자 같은 이미지 데이터셋에서 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>Fix the network's problems to see its prediction.</source>
            <translation>예측을 보려면 먼저 신경망의 문제를 고치세요.</translation>
        </message>
        <message>
            <source>Draw a digit on the pad. (Empty pad: the network says {name}, {p:.0%}.)</source>
            <translation>패드에 숫자를 그려 보세요. (빈 패드: 신경망의 답은 {name}, {p:.0%})</translation>
        </message>
        <message>
            <source>The network says &lt;b&gt;{name}&lt;/b&gt; ({p:.0%}).</source>
            <translation>신경망의 답: &lt;b&gt;{name}&lt;/b&gt; ({p:.0%})</translation>
        </message>
        <message>
            <source>It has not been trained yet: press Train.</source>
            <translation>아직 학습하지 않았습니다. 학습을 누르세요.</translation>
        </message>
        <message>
            <source>Using the drawing</source>
            <translation>그림을 사용하는 중</translation>
        </message>
    </context>
    <context>
        <name>DrawTool</name>
        <message>
            <source>Draw</source>
            <translation>그리기</translation>
        </message>
        <message>
            <source>Draw your own data: click on the plot to add a point of the chosen class (or value), drag to add a trail of points. Shift+drag erases. Each stroke is one undo step (Ctrl+Z).</source>
            <translation>데이터를 직접 그립니다. 그래프를 클릭하면 고른 클래스(또는 값)의 점이 하나 추가되고, 끌면 점이 줄지어 추가됩니다. Shift를 누른 채 끌면 지웁니다. 한 번 그은 획이 실행 취소 한 단계입니다(Ctrl+Z).</translation>
        </message>
        <message>
            <source>Eraser</source>
            <translation>지우개</translation>
        </message>
        <message>
            <source>Erase: click or drag over points to remove them (or hold Shift while drawing).</source>
            <translation>지우기: 점 위를 클릭하거나 끌어서 지웁니다(그리는 중에 Shift를 눌러도 됩니다).</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>모두 지우기</translation>
        </message>
        <message>
            <source>Remove every point and start an empty drawing of the chosen kind (one undo step).</source>
            <translation>점을 모두 지우고 고른 종류의 빈 그림에서 새로 시작합니다(실행 취소 한 단계).</translation>
        </message>
        <message>
            <source>classes</source>
            <translation>클래스</translation>
        </message>
        <message>
            <source>values</source>
            <translation>값</translation>
        </message>
        <message>
            <source>What a new drawing holds: points of classes (classification) or points with a value (regression). Fixed once the drawing has points.</source>
            <translation>새 그림에 담을 것: 클래스가 있는 점(분류) 또는 값이 있는 점(회귀). 그림에 점이 생기면 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>class {k}</source>
            <translation>클래스 {k}</translation>
        </message>
        <message>
            <source>The class the next points get (keys 1-9 pick classes 1-9, 0 picks class 0). Any number of classes: a third class makes a multi-class set.</source>
            <translation>다음에 그릴 점의 클래스입니다(숫자 키 1-9는 클래스 1-9, 0은 클래스 0). 클래스 수에는 제한이 없어, 세 번째 클래스를 그리면 다중 클래스 데이터가 됩니다.</translation>
        </message>
        <message>
            <source>The target value y the next points get (regression).</source>
            <translation>다음에 그릴 점의 목표값 y입니다(회귀).</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>종류</translation>
        </message>
        <message>
            <source>Class {k}</source>
            <translation>클래스 {k}</translation>
        </message>
        <message>
            <source>Draw class {k}</source>
            <translation>클래스 {k} 그리기</translation>
        </message>
        <message>
            <source>Stop drawing</source>
            <translation>그리기 멈추기</translation>
        </message>
        <message>
            <source>Leave draw mode</source>
            <translation>그리기 모드 나가기</translation>
        </message>
        <message>
            <source>Empty drawing: press Draw, then click on the plot to add points.</source>
            <translation>빈 그림입니다. 그리기를 누른 뒤 그래프를 클릭해 점을 추가하세요.</translation>
        </message>
        <message>
            <source>Erase {n} drawn point(s)</source>
            <translation>그린 점 {n}개 지우기</translation>
        </message>
        <message>
            <source>Draw {n} point(s)</source>
            <translation>점 {n}개 그리기</translation>
        </message>
        <message>
            <source>Clear the drawing</source>
            <translation>그림 모두 지우기</translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>This change cannot be made: {reason}</source>
            <extracomment>what a document edit raises when it cannot be carried out an edit was refused: why, in the UI language</extracomment>
            <translation>이 변경은 할 수 없습니다: {reason}</translation>
        </message>
    </context>
    <context>
        <name>EpochMarker</name>
        <message>
            <source>epoch {epoch}</source>
            <extracomment>replay speeds the spin box allows (epochs per second) the epoch text while the views show the past the keys the timeline (and the focused loss plot) answer</extracomment>
            <translation>에포크 {epoch}</translation>
        </message>
    </context>
    <context>
        <name>FeaturesBox</name>
        <message>
            <source>The features the network sees. Tick derived features (x², x·y, sin, cos, and for 2-D data r = √(x₁²+x₂²) and θ = atan2(x₂, x₁)) to hand-make features, as in classic machine learning. They are computed from the raw columns, then standardised if the dataset says so.</source>
            <translation>신경망이 보는 특징입니다. 파생 특징(x², x·y, sin, cos, 2차원 데이터에서는 r = √(x₁²+x₂²)와 θ = atan2(x₂, x₁))을 체크하면 전통적인 머신러닝처럼 사람이 특징을 만들어 줍니다. 파생 특징은 원래 열에서 계산한 뒤, 데이터셋 설정에 따라 표준화합니다.</translation>
        </message>
        <message>
            <source>The network sees {n} input(s).</source>
            <translation>신경망은 입력 {n}개를 봅니다.</translation>
        </message>
        <message>
            <source>Not offered for this data: {names}.</source>
            <translation>이 데이터에는 제공되지 않는 특징: {names}.</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>nnstudio projects (*{suffix});;All files (*)</source>
            <translation>nnstudio 프로젝트 (*{suffix});;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>'{name}' has changes that are not saved. Save them first?</source>
            <translation>'{name}'에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
        </message>
        <message>
            <source>Stop training before opening another project.</source>
            <translation>다른 프로젝트를 열기 전에 학습을 멈추세요.</translation>
        </message>
        <message>
            <source>New project</source>
            <translation>새 프로젝트</translation>
        </message>
        <message>
            <source>Open project</source>
            <translation>프로젝트 열기</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>프로젝트를 열 수 없음</translation>
        </message>
        <message>
            <source>{problem}

Your current project was not changed.</source>
            <translation>{problem}

현재 프로젝트는 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <source>Opened {name}</source>
            <translation>{name}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>Save project as</source>
            <translation>다른 이름으로 프로젝트 저장</translation>
        </message>
        <message>
            <source>Cannot save project</source>
            <translation>프로젝트를 저장할 수 없음</translation>
        </message>
        <message>
            <source>Saving to {path} failed: {problem}

Choose another place with File &gt; Save As; nothing was lost.</source>
            <translation>{path}에 저장하지 못했습니다: {problem}

파일 &gt; 다른 이름으로 저장에서 다른 위치를 고르세요. 잃어버린 내용은 없습니다.</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>{name}을(를) 저장했습니다</translation>
        </message>
        <message>
            <source>(no recent projects)</source>
            <translation>(최근 프로젝트 없음)</translation>
        </message>
        <message>
            <source>Clear list</source>
            <translation>목록 지우기</translation>
        </message>
        <message>
            <source>Open the sample project {name}</source>
            <translation>예제 프로젝트 {name} 열기</translation>
        </message>
        <message>
            <source>(no examples installed)</source>
            <translation>(설치된 예제 없음)</translation>
        </message>
    </context>
    <context>
        <name>GateComposerWidget</name>
        <message>
            <source>XOR(x₁, x₂) = AND(NAND(x₁, x₂), OR(x₁, x₂))</source>
            <translation>XOR(x₁, x₂) = AND(NAND(x₁, x₂), OR(x₁, x₂))</translation>
        </message>
        <message>
            <source>{0} of 4 rows match XOR.</source>
            <translation>4행 중 {0}행이 XOR와 같습니다.</translation>
        </message>
    </context>
    <context>
        <name>ImageGridModel</name>
        <message>
            <source>validation</source>
            <extracomment>thumbnail side in pixels, and the large preview's frame colours: training samples grey, validation samples orange the dataset index of a grid row</extracomment>
            <translation>검증</translation>
        </message>
        <message>
            <source>training</source>
            <translation>훈련</translation>
        </message>
        <message>
            <source>Sample {i}: {label} ({part})</source>
            <translation>샘플 {i}: {label} ({part})</translation>
        </message>
    </context>
    <context>
        <name>ImagesPanel</name>
        <message>
            <source>The selected sample, pixel by pixel: darker = more ink. It is the input the canvas and the activations show.</source>
            <extracomment>a thumbnail was clicked: the dataset index</extracomment>
            <translation>선택한 샘플을 픽셀 단위로 보여 줍니다. 어두울수록 잉크가 많습니다. 캔버스와 활성값 보기가 보여 주는 입력이 바로 이것입니다.</translation>
        </message>
        <message>
            <source>Which samples the grid shows.</source>
            <translation>격자에 보여 줄 샘플을 고릅니다.</translation>
        </message>
        <message>
            <source>All samples</source>
            <translation>모든 샘플</translation>
        </message>
        <message>
            <source>Training samples</source>
            <translation>훈련 샘플</translation>
        </message>
        <message>
            <source>Validation samples</source>
            <translation>검증 샘플</translation>
        </message>
        <message>
            <source>Show only the samples of one class.</source>
            <translation>한 클래스의 샘플만 보여 줍니다.</translation>
        </message>
        <message>
            <source>Every sample with its label. Click one to send it through the network (canvas, activations). Grey frame: training sample; orange frame: validation sample (never trained on).</source>
            <translation>모든 샘플과 레이블입니다. 하나를 클릭하면 신경망(캔버스, 활성값)에 통과시킵니다. 회색 테두리: 훈련 샘플, 주황색 테두리: 검증 샘플(학습에 쓰지 않음).</translation>
        </message>
        <message>
            <source>Every class</source>
            <translation>모든 클래스</translation>
        </message>
        <message>
            <source>Class {name}</source>
            <translation>클래스 {name}</translation>
        </message>
        <message>
            <source>This view shows datasets whose samples are images (e.g. the handwritten digits).</source>
            <translation>이 보기는 샘플이 이미지인 데이터셋(예: 손글씨 숫자)을 보여 줍니다.</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>training</source>
            <translation>훈련</translation>
        </message>
        <message>
            <source>&lt;b&gt;Sample {i}&lt;/b&gt;: {label}&lt;br&gt;{part} sample, {h}×{w} pixels</source>
            <translation>&lt;b&gt;샘플 {i}&lt;/b&gt;: {label}&lt;br&gt;{part} 샘플, {h}×{w} 픽셀</translation>
        </message>
        <message>
            <source>orange frame = validation</source>
            <translation>주황색 테두리 = 검증</translation>
        </message>
    </context>
    <context>
        <name>ImageViews</name>
        <message>
            <source>Images</source>
            <extracomment>the image docks in display order</extracomment>
            <translation>이미지</translation>
        </message>
        <message>
            <source>Draw a digit</source>
            <translation>숫자 그리기</translation>
        </message>
        <message>
            <source>Weight images</source>
            <translation>가중치 이미지</translation>
        </message>
        <message>
            <source>Confusion examples</source>
            <translation>혼동 사례</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Project</source>
            <translation>프로젝트</translation>
        </message>
        <message>
            <source>The project's name.</source>
            <translation>프로젝트 이름입니다.</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>손실 함수</translation>
        </message>
        <message>
            <source>What training minimizes: how far the outputs are from the targets.</source>
            <translation>학습이 줄이려는 값으로, 출력이 타깃에서 얼마나 먼지를 잽니다.</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <source>How the weights are updated from the gradients.</source>
            <translation>기울기로 가중치를 어떻게 업데이트할지 정합니다.</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>Step size η of each update: w ← w − η·∂L/∂w.</source>
            <translation>업데이트 한 번의 보폭 η입니다: w ← w − η·∂L/∂w.</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>모멘텀</translation>
        </message>
        <message>
            <source>Keeps a fraction of the previous update (SGD, RMSprop).</source>
            <translation>이전 업데이트의 일부를 이어 갑니다(SGD, RMSprop).</translation>
        </message>
        <message>
            <source>β₁</source>
            <translation>β₁</translation>
        </message>
        <message>
            <source>Adam: decay rate of the running mean of gradients.</source>
            <translation>Adam: 기울기 이동 평균의 감쇠율입니다.</translation>
        </message>
        <message>
            <source>β₂</source>
            <translation>β₂</translation>
        </message>
        <message>
            <source>Adam: decay rate of the running mean of squared gradients.</source>
            <translation>Adam: 기울기 제곱 이동 평균의 감쇠율입니다.</translation>
        </message>
        <message>
            <source>ρ</source>
            <translation>ρ</translation>
        </message>
        <message>
            <source>RMSprop: decay rate of the running mean of squared gradients.</source>
            <translation>RMSprop: 기울기 제곱 이동 평균의 감쇠율입니다.</translation>
        </message>
        <message>
            <source>ε</source>
            <translation>ε</translation>
        </message>
        <message>
            <source>A tiny number that keeps divisions stable.</source>
            <translation>나눗셈이 불안정해지지 않도록 더하는 아주 작은 수입니다.</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>가중치 감쇠</translation>
        </message>
        <message>
            <source>Shrinks every weight a little at each step (decoupled L2).</source>
            <translation>단계마다 모든 가중치를 조금씩 줄입니다(분리된 L2).</translation>
        </message>
        <message>
            <source>Nesterov</source>
            <translation>네스테로프</translation>
        </message>
        <message>
            <source>look-ahead momentum</source>
            <translation>앞을 내다보는 모멘텀</translation>
        </message>
        <message>
            <source>SGD: Nesterov momentum.</source>
            <translation>SGD: 네스테로프 모멘텀입니다.</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <source>Samples per weight update (a mini-batch).</source>
            <translation>가중치를 한 번 업데이트할 때 쓰는 샘플 수입니다(미니배치).</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>How many times training goes through the whole training set.</source>
            <translation>훈련 데이터 전체를 몇 번 반복해서 학습할지 정합니다.</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>난수 시드</translation>
        </message>
        <message>
            <source>The same seed gives the same starting weights and batches.</source>
            <translation>시드가 같으면 시작 가중치와 배치 구성도 같습니다.</translation>
        </message>
        <message>
            <source>Validation split</source>
            <translation>검증 데이터 비율</translation>
        </message>
        <message>
            <source>Fraction of the data held out to measure generalization.</source>
            <translation>일반화 성능을 재려고 따로 떼어 두는 데이터의 비율입니다.</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>계산 정밀도</translation>
        </message>
        <message>
            <source>Floating-point type of weights and computations.</source>
            <translation>가중치와 계산에 쓰는 부동소수점 형식입니다.</translation>
        </message>
        <message>
            <source>Early stopping</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>stop when it stops improving</source>
            <translation>더 나아지지 않으면 멈춤</translation>
        </message>
        <message>
            <source>Stop training when the monitored value has not improved for 'patience' epochs.</source>
            <translation>지켜보는 값이 'patience' 에포크 동안 나아지지 않으면 학습을 멈춥니다.</translation>
        </message>
        <message>
            <source>Monitor</source>
            <translation>지켜볼 값</translation>
        </message>
        <message>
            <source>The value early stopping watches.</source>
            <translation>조기 종료가 지켜보는 값입니다.</translation>
        </message>
        <message>
            <source>Patience</source>
            <translation>기다릴 에포크</translation>
        </message>
        <message>
            <source>Epochs without improvement before stopping.</source>
            <translation>멈추기 전까지 기다릴, 개선 없는 에포크 수입니다.</translation>
        </message>
        <message>
            <source>Min. change</source>
            <translation>최소 변화량</translation>
        </message>
        <message>
            <source>Smaller changes than this do not count as improvement.</source>
            <translation>이보다 작은 변화는 개선으로 치지 않습니다.</translation>
        </message>
        <message>
            <source>Restore best</source>
            <translation>최고 가중치 복원</translation>
        </message>
        <message>
            <source>keep the best epoch's weights</source>
            <translation>가장 좋았던 에포크의 가중치 유지</translation>
        </message>
        <message>
            <source>After stopping, go back to the weights of the best epoch.</source>
            <translation>멈춘 뒤 가장 좋았던 에포크의 가중치로 되돌립니다.</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>입력 수</translation>
        </message>
        <message>
            <source>The Input layer has one unit per feature of the dataset; it follows the dataset and is not typed in.</source>
            <translation>입력층은 데이터셋의 특성마다 유닛이 하나씩 있습니다. 데이터셋을 따라 정해지므로 직접 입력하지 않습니다.</translation>
        </message>
        <message>
            <source>Features</source>
            <translation>특징</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>유닛 수</translation>
        </message>
        <message>
            <source>Number of neurons in this layer (Keras 'units').</source>
            <translation>이 층의 뉴런 개수입니다(Keras의 'units').</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>활성화 함수</translation>
        </message>
        <message>
            <source>The function applied to z = x·W + b.</source>
            <translation>z = x·W + b에 적용하는 함수입니다.</translation>
        </message>
        <message>
            <source>Bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <source>Add a learned bias b to each unit: z = x·W + b.</source>
            <translation>유닛마다 학습되는 편향 b를 더합니다: z = x·W + b.</translation>
        </message>
        <message>
            <source>use a bias b</source>
            <translation>편향 b 사용</translation>
        </message>
        <message>
            <source>Weights start</source>
            <translation>가중치 초기화</translation>
        </message>
        <message>
            <source>How the weights (kernel) are initialized before training.</source>
            <translation>학습 전에 가중치(커널)를 어떤 값으로 시작할지 정합니다.</translation>
        </message>
        <message>
            <source>Biases start</source>
            <translation>편향 초기화</translation>
        </message>
        <message>
            <source>How the biases are initialized before training.</source>
            <translation>학습 전에 편향을 어떤 값으로 시작할지 정합니다.</translation>
        </message>
        <message>
            <source>L1 strength</source>
            <translation>L1 강도</translation>
        </message>
        <message>
            <source>L1 regularization: adds λ·Σ|w| to the loss (pushes weights to exactly 0).</source>
            <translation>L1 규제: 손실에 λ·Σ|w|를 더합니다(가중치를 정확히 0으로 밀어 냅니다).</translation>
        </message>
        <message>
            <source>L2 strength</source>
            <translation>L2 강도</translation>
        </message>
        <message>
            <source>L2 regularization (weight decay): adds λ·Σw² to the loss.</source>
            <translation>L2 규제(가중치 감쇠): 손실에 λ·Σw²를 더합니다.</translation>
        </message>
        <message>
            <source>Max-norm</source>
            <translation>최대 노름</translation>
        </message>
        <message>
            <source>Max-norm constraint: after each update, rescale each unit's incoming weight vector so its length is at most c.</source>
            <translation>최대 노름 가중치 제약: 업데이트할 때마다 각 유닛으로 들어오는 가중치 벡터의 길이가 c를 넘지 않도록 줄입니다.</translation>
        </message>
        <message>
            <source>limit each unit's weights</source>
            <translation>유닛마다 가중치 크기 제한</translation>
        </message>
        <message>
            <source>Max-norm c</source>
            <translation>최대 노름 c</translation>
        </message>
        <message>
            <source>The largest allowed length c of a unit's weight vector.</source>
            <translation>유닛의 가중치 벡터가 가질 수 있는 최대 길이 c입니다.</translation>
        </message>
        <message>
            <source>Dropout rate</source>
            <translation>드롭아웃 비율</translation>
        </message>
        <message>
            <source>Fraction of inputs set to 0 at each training step (none at prediction).</source>
            <translation>학습 단계마다 0으로 만드는 입력의 비율입니다(예측할 때는 적용하지 않음).</translation>
        </message>
        <message>
            <source>Set {key} of layer {i} to {value}</source>
            <translation>{i}번 층의 {key}을(를) {value}(으)로 설정</translation>
        </message>
        <message>
            <source>Set {key} to {value}</source>
            <translation>{key}을(를) {value}(으)로 설정</translation>
        </message>
        <message>
            <source>Rename project to {name}</source>
            <translation>프로젝트 이름을 {name}(으)로 변경</translation>
        </message>
        <message>
            <source>&lt;b&gt;Layer {i}: {type}&lt;/b&gt; (click empty canvas for model settings)</source>
            <extracomment>settings whose change shows or hides other rows (the page is rebuilt for them)</extracomment>
            <translation>&lt;b&gt;{i}번 층: {type}&lt;/b&gt; (모델 설정은 캔버스 빈 곳을 클릭)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Model settings&lt;/b&gt; (select a layer on the canvas to edit it)</source>
            <translation>&lt;b&gt;모델 설정&lt;/b&gt; (층을 편집하려면 캔버스에서 선택하세요)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>An optional name for this layer (Keras 'name').</source>
            <translation>이 층의 이름입니다. 비워 두어도 됩니다(Keras의 'name').</translation>
        </message>
        <message>
            <source>{n} features (from the dataset)</source>
            <translation>특성 {n}개 (데이터셋에서)</translation>
        </message>
    </context>
    <context>
        <name>LessonBrowser</name>
        <message>
            <source>Open lesson</source>
            <translation>수업 열기</translation>
        </message>
        <message>
            <source>Reset progress</source>
            <translation>진도 초기화</translation>
        </message>
        <message>
            <source>{0}{1}. {2} — {3}/{4}</source>
            <translation>{0}{1}. {2} — {3}/{4}</translation>
        </message>
    </context>
    <context>
        <name>LessonHost</name>
        <message>
            <source>Lessons</source>
            <extracomment>the lesson column's width (px) for a step with an interaction widget (at most 45% of the window) checks that look at the perceptron widget's training, not the studio's a step's check ran: (passed, message)</extracomment>
            <translation>수업</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>수업(&amp;L)</translation>
        </message>
        <message>
            <source>Browse the lessons and open one beside the canvas</source>
            <translation>수업 목록을 보고 캔버스 옆에 하나를 엽니다</translation>
        </message>
        <message>
            <source>Lessons (F1)</source>
            <translation>수업 (F1)</translation>
        </message>
        <message>
            <source>Lesson {0}: {1}</source>
            <translation>{0}강: {1}</translation>
        </message>
        <message>
            <source>The canvas does not show this step's network and data yet: “Set it up for me” puts them there.</source>
            <translation>캔버스에 아직 이 단계의 신경망과 데이터가 없습니다. “자동으로 설정하기”를 누르면 놓입니다.</translation>
        </message>
        <message>
            <source>This step is about the network of step {0}, “{1}”, but the canvas shows a different network or data set.</source>
            <translation>이 단계는 {0}단계 “{1}”의 신경망을 다루는데, 캔버스에는 다른 신경망이나 데이터가 놓여 있습니다.</translation>
        </message>
        <message>
            <source>Lesson set-up</source>
            <translation>수업 준비</translation>
        </message>
        <message>
            <source>This step's set-up could not be applied: {0}</source>
            <translation>이 단계의 준비를 적용할 수 없습니다: {0}</translation>
        </message>
        <message>
            <source>The project cannot be changed now.</source>
            <translation>지금은 프로젝트를 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>Set up: {0}. Undo (Ctrl+Z) restores your previous network.</source>
            <translation>준비 완료: {0}. 실행 취소(Ctrl+Z)를 누르면 이전 신경망으로 돌아갑니다.</translation>
        </message>
        <message>
            <source>Stop the comparison</source>
            <translation>비교 멈추기</translation>
        </message>
        <message>
            <source>Run the comparison</source>
            <translation>비교 실행</translation>
        </message>
        <message>
            <source>Lesson texts now follow the new language; menus switch the next time nnstudio starts.</source>
            <translation>수업 내용은 이제 새 언어로 나옵니다. 메뉴는 nnstudio를 다시 시작하면 바뀝니다.</translation>
        </message>
    </context>
    <context>
        <name>LessonPage</name>
        <message>
            <source>◀ All lessons</source>
            <extracomment>panels that show nothing but "for classification datasets" on a regression data set</extracomment>
            <translation>◀ 전체 수업</translation>
        </message>
    </context>
    <context>
        <name>LessonPanel</name>
        <message>
            <source>Pick an answer first.</source>
            <translation>먼저 답을 고르세요.</translation>
        </message>
        <message>
            <source>Right!</source>
            <translation>정답입니다!</translation>
        </message>
        <message>
            <source>Not quite.</source>
            <translation>아쉽지만 틀렸습니다.</translation>
        </message>
        <message>
            <source>Set it up for me</source>
            <translation>자동으로 설정하기</translation>
        </message>
        <message>
            <source>Put this step's network, data and training settings on the canvas (one undoable change: Ctrl+Z brings back what was there)</source>
            <translation>이 단계의 신경망, 데이터, 학습 설정을 캔버스에 놓습니다(한 번에 되돌릴 수 있는 변경입니다. Ctrl+Z를 누르면 원래 있던 것이 돌아옵니다)</translation>
        </message>
        <message>
            <source>Put the network and data this step talks about on the canvas (one undoable change)</source>
            <translation>이 단계가 다루는 신경망과 데이터를 캔버스에 놓습니다(한 번에 되돌릴 수 있는 변경입니다)</translation>
        </message>
        <message>
            <source>Run the comparison</source>
            <translation>비교 실행</translation>
        </message>
        <message>
            <source>Predict first</source>
            <translation>먼저 예측해 보기</translation>
        </message>
        <message>
            <source>Check my answer</source>
            <translation>답 확인</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>이전</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>다음</translation>
        </message>
    </context>
    <context>
        <name>LossExplorer</name>
        <message>
            <source>binary (sigmoid output)</source>
            <translation>이진 분류 (sigmoid 출력)</translation>
        </message>
        <message>
            <source>multi-class (softmax, 3 classes)</source>
            <translation>다중 클래스 분류 (softmax, 클래스 3개)</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Task:</source>
            <translation>작업 유형:</translation>
        </message>
        <message>
            <source>True label:</source>
            <translation>정답 레이블:</translation>
        </message>
        <message>
            <source>Prediction:</source>
            <translation>예측값:</translation>
        </message>
        <message>
            <source>class {0}</source>
            <translation>클래스 {0}</translation>
        </message>
        <message>
            <source>P(class 1)</source>
            <translation>P(클래스 1)</translation>
        </message>
        <message>
            <source>P(class 2)</source>
            <translation>P(클래스 2)</translation>
        </message>
    </context>
    <context>
        <name>LossPanel</name>
        <message>
            <source>Loss</source>
            <extracomment>panel name -&gt; (module, class, area, workspaces, tabify with)</extracomment>
            <translation>손실</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>train loss</source>
            <translation>훈련 손실</translation>
        </message>
        <message>
            <source>validation loss</source>
            <translation>검증 손실</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>로그 눈금</translation>
        </message>
        <message>
            <source>Per iteration</source>
            <translation>반복마다</translation>
        </message>
        <message>
            <source>Show the loss of every mini-batch as a thin light curve</source>
            <translation>미니배치마다의 손실을 얇고 옅은 곡선으로 보여 줍니다</translation>
        </message>
        <message>
            <source>Keep this run</source>
            <translation>이번 실행 보관</translation>
        </message>
        <message>
            <source>Keep this run's curves to compare them with the next runs</source>
            <translation>이번 실행의 곡선을 보관해 두고 다음 실행과 비교합니다</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>보관한 실행</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Export PNG…</source>
            <translation>PNG로 내보내기…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV로 내보내기…</translation>
        </message>
        <message>
            <source>val loss</source>
            <translation>검증 손실</translation>
        </message>
        <message>
            <source>↑ first epochs cut off (up to {peak:.3g})</source>
            <translation>↑ 처음 에포크는 위로 잘림 (최대 {peak:.3g})</translation>
        </message>
        <message>
            <source>The loss of the first epochs is far above the rest of the run, so the y axis stops at {top:.3g} to show where the run spends its time. Tick Log scale to see every value.</source>
            <translation>처음 몇 에포크의 손실이 나머지보다 훨씬 커서, 학습이 대부분의 시간을 보내는 구간이 보이도록 y축을 {top:.3g}에서 자릅니다. 모든 값을 보려면 로그 눈금을 켜세요.</translation>
        </message>
        <message>
            <source>best epoch {epoch}</source>
            <translation>가장 좋은 에포크 {epoch}</translation>
        </message>
        <message>
            <source>stopped: diverged</source>
            <translation>중지: 발산</translation>
        </message>
        <message>
            <source>early stop</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>weights of epoch {epoch} restored</source>
            <translation>에포크 {epoch}의 가중치로 되돌림</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>이름:</translation>
        </message>
        <message>
            <source>Run {n}</source>
            <translation>실행 {n}</translation>
        </message>
        <message>
            <source>No kept runs</source>
            <translation>보관한 실행 없음</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>이름 바꾸기…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Rename run</source>
            <translation>실행 이름 바꾸기</translation>
        </message>
        <message>
            <source>Export loss plot</source>
            <translation>손실 그래프 내보내기</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <source>Export history</source>
            <translation>학습 기록 내보내기</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>새로 만들기(&amp;N)</translation>
        </message>
        <message>
            <source>Start a new project</source>
            <translation>새 프로젝트를 시작합니다</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>프로젝트 파일을 엽니다</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Save the project</source>
            <translation>프로젝트를 저장합니다</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the project under a new name</source>
            <translation>프로젝트를 새 이름으로 저장합니다</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>Close nnstudio</source>
            <translation>nnstudio를 닫습니다</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>환경 설정(&amp;P)…</translation>
        </message>
        <message>
            <source>Language and UI zoom</source>
            <translation>언어와 화면 배율</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>최근 파일 열기(&amp;R)</translation>
        </message>
        <message>
            <source>Open E&amp;xample</source>
            <translation>예제 열기(&amp;X)</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>가져오기(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>내보내기(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Delete Layer</source>
            <translation>층 삭제(&amp;D)</translation>
        </message>
        <message>
            <source>Remove the selected layer</source>
            <translation>선택한 층을 삭제합니다</translation>
        </message>
        <message>
            <source>D&amp;uplicate Layer</source>
            <translation>층 복제(&amp;U)</translation>
        </message>
        <message>
            <source>Insert a copy of the selected layer after it</source>
            <translation>선택한 층의 복사본을 바로 뒤에 넣습니다</translation>
        </message>
        <message>
            <source>Model &amp;Settings</source>
            <translation>모델 설정(&amp;S)</translation>
        </message>
        <message>
            <source>Deselect the layer and show the model settings</source>
            <translation>층 선택을 해제하고 모델 설정을 보여 줍니다</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom into the canvas</source>
            <translation>캔버스를 확대합니다</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom out of the canvas</source>
            <translation>캔버스를 축소합니다</translation>
        </message>
        <message>
            <source>&amp;Fit Network</source>
            <translation>신경망 전체 보기(&amp;F)</translation>
        </message>
        <message>
            <source>Zoom so the whole network is visible</source>
            <translation>신경망 전체가 보이도록 배율을 맞춥니다</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About nnstudio</source>
            <translation>nnstudio 정보(&amp;A)</translation>
        </message>
        <message>
            <source>About nnstudio</source>
            <translation>nnstudio 정보</translation>
        </message>
        <message>
            <source>&lt;opened project&gt;</source>
            <extracomment>ms after the first paint: pyqtgraph (~0.3 s to import) is imported then, so that a first visit to a workspace with plots does not wait for it</extracomment>
            <translation>&lt;열린 프로젝트&gt;</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>층 팔레트</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>속성</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>문제</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>실행 취소 기록</translation>
        </message>
        <message>
            <source>Show or hide the {title} panel</source>
            <translation>{title} 패널을 보이거나 숨깁니다</translation>
        </message>
        <message>
            <source>Part of the studio ({name}) failed to load; the rest works. Please report this:

{error}</source>
            <translation>스튜디오의 일부({name})를 불러오지 못했습니다. 나머지는 동작합니다. 이 문제를 알려 주세요:

{error}</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>기본</translation>
        </message>
        <message>
            <source>Drag layers from the palette onto the canvas.</source>
            <translation>팔레트에서 층을 캔버스로 끌어 놓으세요.</translation>
        </message>
        <message>
            <source>{n} error(s) must be fixed before training (see Problems).</source>
            <translation>학습하기 전에 오류 {n}개를 해결해야 합니다(문제 패널 참고).</translation>
        </message>
        <message>
            <source>Train stays disabled while an error stands.</source>
            <translation>오류가 남아 있는 동안에는 학습할 수 없습니다.</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>&lt;b&gt;nnstudio {version}&lt;/b&gt;&lt;p&gt;Build, train and see small neural networks.&lt;/p&gt;</source>
            <translation>&lt;b&gt;nnstudio {version}&lt;/b&gt;&lt;p&gt;작은 신경망을 만들고, 학습시키고, 눈으로 확인하세요.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Start Page</source>
            <translation>시작 페이지(&amp;S)</translation>
        </message>
        <message>
            <source>Show the start page in the centre</source>
            <translation>가운데에 시작 페이지를 보여 줍니다</translation>
        </message>
    </context>
    <context>
        <name>MetricPanel</name>
        <message>
            <source>Metric</source>
            <translation>평가 지표</translation>
        </message>
        <message>
            <source>train</source>
            <translation>훈련</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>val {metric}</source>
            <translation>검증 {metric}</translation>
        </message>
    </context>
    <context>
        <name>OptionRows</name>
        <message>
            <source>AMSGrad</source>
            <translation>AMSGrad</translation>
        </message>
        <message>
            <source>never let v shrink</source>
            <translation>v가 줄어들지 않게</translation>
        </message>
        <message>
            <source>Adam: divide by the largest v seen so far, v̂ = max(v̂, v): w ← w − α·m/(√v̂ + ε).</source>
            <translation>Adam: 지금까지 나온 가장 큰 v로 나눕니다. v̂ = max(v̂, v): w ← w − α·m/(√v̂ + ε).</translation>
        </message>
        <message>
            <source>Centered</source>
            <translation>중심화</translation>
        </message>
        <message>
            <source>divide by the gradients' spread</source>
            <translation>기울기의 퍼짐으로 나누기</translation>
        </message>
        <message>
            <source>RMSprop: also keep the mean ḡ of the gradients and divide by √(v + ε − ḡ²).</source>
            <translation>RMSprop: 기울기의 평균 ḡ도 함께 기록하고 √(v + ε − ḡ²)로 나눕니다.</translation>
        </message>
        <message>
            <source>Start of Σg²</source>
            <translation>Σg² 시작값</translation>
        </message>
        <message>
            <source>Adagrad: the value a₀ the sum of squared gradients starts from: a ← a + g², w ← w − η·g/√(a + ε).</source>
            <translation>Adagrad: 기울기 제곱의 합이 시작하는 값 a₀: a ← a + g², w ← w − η·g/√(a + ε).</translation>
        </message>
        <message>
            <source>Gradient clipping</source>
            <translation>기울기 자르기</translation>
        </message>
        <message>
            <source>Limit the gradients before each step. By norm: g ← g·c/max(‖g‖, c) for each weight; by value: each element clipped to [−c, c]; global norm: all gradients scaled by min(1, c/‖all g‖).</source>
            <translation>각 단계 전에 기울기를 제한합니다. 노름 기준: 가중치마다 g ← g·c/max(‖g‖, c); 값 기준: 각 원소를 [−c, c]로 자름; 전체 노름 기준: 모든 기울기에 min(1, c/‖모든 g‖)를 곱함.</translation>
        </message>
        <message>
            <source>off</source>
            <translation>끔</translation>
        </message>
        <message>
            <source>by norm (clipnorm)</source>
            <translation>노름 기준 (clipnorm)</translation>
        </message>
        <message>
            <source>by value (clipvalue)</source>
            <translation>값 기준 (clipvalue)</translation>
        </message>
        <message>
            <source>by global norm (global_clipnorm)</source>
            <translation>전체 노름 기준 (global_clipnorm)</translation>
        </message>
        <message>
            <source>Clip at c</source>
            <translation>자르는 값 c</translation>
        </message>
        <message>
            <source>The limit c of the gradient clipping.</source>
            <translation>기울기 자르기의 한계값 c.</translation>
        </message>
        <message>
            <source>Label smoothing</source>
            <translation>레이블 스무딩</translation>
        </message>
        <message>
            <source>Binary cross-entropy: train towards y·(1 − s) + s/2 instead of 0 and 1, so the outputs are not pushed to saturate.</source>
            <translation>이진 교차 엔트로피: 0과 1 대신 y·(1 − s) + s/2를 목표로 학습하므로 출력이 포화되도록 밀리지 않습니다.</translation>
        </message>
        <message>
            <source>Set gradient clipping to {kind}</source>
            <translation>기울기 자르기를 {kind}(으)로 설정</translation>
        </message>
    </context>
    <context>
        <name>Palette</name>
        <message>
            <source>Input</source>
            <translation>입력 (Input)</translation>
        </message>
        <message>
            <source>Passes the data's features in; computes nothing.</source>
            <translation>데이터의 특성을 그대로 넘겨줍니다. 아무것도 계산하지 않습니다.</translation>
        </message>
        <message>
            <source>Dense</source>
            <translation>완전 연결 (Dense)</translation>
        </message>
        <message>
            <source>Every input connects to every unit: a = f(x·W + b).</source>
            <translation>모든 입력이 모든 유닛에 연결됩니다: a = f(x·W + b).</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>드롭아웃 (Dropout)</translation>
        </message>
        <message>
            <source>Randomly zeroes inputs while training (regularization).</source>
            <translation>학습하는 동안 입력을 무작위로 0으로 만듭니다(규제).</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>활성화 (Activation)</translation>
        </message>
        <message>
            <source>Applies a function to each value, no weights.</source>
            <translation>각 값에 함수를 적용합니다. 가중치는 없습니다.</translation>
        </message>
        <message>
            <source>Drag a layer onto the canvas (or double-click it) to add it to the network.</source>
            <extracomment>role holding the layer type on each palette row a layer type the user asked to add without dragging (double-click / Enter)</extracomment>
            <translation>층을 캔버스로 끌어 놓거나 더블클릭하면 신경망에 추가됩니다.</translation>
        </message>
        <message>
            <source>Drag onto the canvas where it should go, or double-click to add it before the output layer.</source>
            <translation>캔버스의 원하는 위치로 끌어 놓거나, 더블클릭해서 출력층 앞에 추가하세요.</translation>
        </message>
    </context>
    <context>
        <name>PerceptronWidget</name>
        <message>
            <source>output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>target</source>
            <translation>목표</translation>
        </message>
        <message>
            <source>Train one step</source>
            <translation>한 단계 학습</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>Gate:</source>
            <translation>게이트:</translation>
        </message>
        <message>
            <source>epoch {0}, sample ({1}, {2}): error {3:+d}</source>
            <translation>에포크 {0}, 샘플 ({1}, {2}): 오차 {3:+d}</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Converged: no mistakes in epoch {0}.</source>
            <translation>수렴했습니다: 에포크 {0}에서 틀린 것이 없습니다.</translation>
        </message>
        <message>
            <source>After {0} epochs there are still {1} mistake(s) per epoch: the line never settles.</source>
            <translation>{0} 에포크가 지나도 에포크마다 {1}개를 틀립니다. 직선이 자리를 잡지 못합니다.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <extracomment>the rewind timeline's memory budget (MB): range and default (the issue's "never more than ~100 MB")</extracomment>
            <translation>환경 설정</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>시스템 언어</translation>
        </message>
        <message>
            <source>The language of menus and lessons (after a restart).</source>
            <translation>메뉴와 수업에 쓰는 언어입니다(다시 시작한 뒤 적용).</translation>
        </message>
        <message>
            <source>Make all text larger or smaller (for projectors).</source>
            <translation>모든 글자를 크게 또는 작게 합니다(프로젝터용).</translation>
        </message>
        <message>
            <source>Memory for the rewind timeline: the weights and optimizer state of every epoch are kept until this budget is full; then every second epoch is dropped, evenly, so a long run still spans from start to end. One epoch takes about 8 bytes × weights × (1 + the optimizer's slots: 2 for Adam, 1 for SGD with momentum).</source>
            <translation>되감기 타임라인에 쓸 메모리입니다. 이 한도가 찰 때까지 모든 에포크의 가중치와 옵티마이저 상태를 보관하고, 한도가 차면 에포크를 하나 걸러 고르게 지워서 긴 학습도 처음부터 끝까지 남게 합니다. 에포크 하나는 약 8바이트 × 가중치 수 × (1 + 옵티마이저 슬롯 수: Adam은 2, 모멘텀 SGD는 1)를 차지합니다.</translation>
        </message>
        <message>
            <source>when it adds at most {mib:g} MiB</source>
            <translation>{mib:g} MiB 이하일 때</translation>
        </message>
        <message>
            <source>always</source>
            <translation>항상</translation>
        </message>
        <message>
            <source>never</source>
            <translation>저장 안 함</translation>
        </message>
        <message>
            <source>Whether Save writes the recorded epochs into the project file, so the timeline is there again when the project is reopened. Without it the file holds only the final weights and the curves.</source>
            <translation>저장할 때 기록된 에포크들을 프로젝트 파일에 넣을지 정합니다. 넣으면 프로젝트를 다시 열었을 때 타임라인이 그대로 있습니다. 넣지 않으면 파일에는 마지막 가중치와 곡선만 남습니다.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>UI zoom</source>
            <translation>화면 배율</translation>
        </message>
        <message>
            <source>Rewind memory</source>
            <translation>되감기 메모리</translation>
        </message>
        <message>
            <source>Save the timeline</source>
            <translation>타임라인 저장</translation>
        </message>
        <message>
            <source>A new language takes effect the next time nnstudio starts.</source>
            <translation>새 언어는 nnstudio를 다음에 시작할 때 적용됩니다.</translation>
        </message>
        <message>
            <source>This project has no recorded epochs yet.</source>
            <translation>이 프로젝트에는 아직 기록된 에포크가 없습니다.</translation>
        </message>
        <message>
            <source>This project's timeline ({epochs} epochs) adds {mib:.2f} MiB to the file.</source>
            <translation>이 프로젝트의 타임라인(에포크 {epochs}개)은 파일에 {mib:.2f} MiB를 더합니다.</translation>
        </message>
    </context>
    <context>
        <name>ProblemRow</name>
        <message>
            <source>Error: training is blocked until it is fixed</source>
            <translation>오류: 해결할 때까지 학습할 수 없습니다</translation>
        </message>
        <message>
            <source>Warning: training works, but probably not well</source>
            <translation>경고: 학습은 되지만 잘 되지 않을 가능성이 큽니다</translation>
        </message>
        <message>
            <source>Fix</source>
            <translation>고치기</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>The network has no Input layer. Every network starts with one: it passes the data's features on without computing anything.</source>
            <translation>신경망에 입력층(Input)이 없습니다. 모든 신경망은 입력층으로 시작합니다. 입력층은 아무것도 계산하지 않고 데이터의 특성을 다음 층으로 넘겨줍니다.</translation>
        </message>
        <message>
            <source>Add an Input layer</source>
            <translation>입력층 추가</translation>
        </message>
        <message>
            <source>The Input layer must come first.</source>
            <translation>입력층은 맨 앞에 있어야 합니다.</translation>
        </message>
        <message>
            <source>Move the Input layer to the start</source>
            <translation>입력층을 맨 앞으로 이동</translation>
        </message>
        <message>
            <source>A Sequential network has exactly one Input layer.</source>
            <translation>Sequential 신경망에는 입력층이 정확히 하나 있어야 합니다.</translation>
        </message>
        <message>
            <source>Remove this extra Input layer</source>
            <translation>남는 입력층 삭제</translation>
        </message>
        <message>
            <source>The network has no Dense layer, so nothing is computed. Add at least an output layer.</source>
            <translation>신경망에 Dense 층이 없어서 아무것도 계산하지 않습니다. 최소한 출력층은 추가하세요.</translation>
        </message>
        <message>
            <source>Add a Dense output layer</source>
            <translation>Dense 출력층 추가</translation>
        </message>
        <message>
            <source>The target is a real number (regression): the output layer needs a linear activation and one unit per target ({want}), with a loss such as MSE. Now: {units} unit(s), '{act}', loss '{loss}'.</source>
            <translation>타깃이 실수입니다(회귀). 출력층에는 linear 활성화 함수와 타깃마다 유닛 하나({want}개)가 필요하고, 손실 함수는 MSE 같은 것을 써야 합니다. 지금은 유닛 {units}개, '{act}', 손실 함수 '{loss}'입니다.</translation>
        </message>
        <message>
            <source>Linear output, one unit per target, MSE</source>
            <translation>linear 출력, 타깃마다 유닛 하나, MSE</translation>
        </message>
        <message>
            <source>A sigmoid output cannot choose among {k} classes: use softmax with one unit per class.</source>
            <translation>sigmoid 출력으로는 클래스 {k}개 중 하나를 고를 수 없습니다. 클래스마다 유닛 하나를 두고 softmax를 쓰세요.</translation>
        </message>
        <message>
            <source>Softmax with {k} units</source>
            <translation>유닛 {k}개와 softmax</translation>
        </message>
        <message>
            <source>The dataset has {k} classes but the output layer has {units} unit(s); a multi-class output needs one unit per class.</source>
            <translation>데이터셋의 클래스는 {k}개인데 출력층의 유닛은 {units}개입니다. 다중 클래스 출력에는 클래스마다 유닛이 하나씩 필요합니다.</translation>
        </message>
        <message>
            <source>Use {k} output units</source>
            <translation>출력 유닛 {k}개 사용</translation>
        </message>
        <message>
            <source>Binary cross-entropy is for two classes; with {k} classes use (sparse) categorical cross-entropy.</source>
            <translation>이진 교차 엔트로피는 클래스가 두 개일 때 씁니다. 클래스가 {k}개이면 (sparse) categorical 교차 엔트로피를 쓰세요.</translation>
        </message>
        <message>
            <source>Use sparse categorical cross-entropy</source>
            <translation>sparse categorical 교차 엔트로피 사용</translation>
        </message>
        <message>
            <source>A softmax output with binary cross-entropy does not work: softmax over one unit is always 1. Binary classification uses one sigmoid unit.</source>
            <translation>softmax 출력과 이진 교차 엔트로피는 함께 쓸 수 없습니다. 유닛 하나에 softmax를 적용하면 항상 1이 됩니다. 이진 분류에는 sigmoid 유닛 하나를 씁니다.</translation>
        </message>
        <message>
            <source>One sigmoid output unit</source>
            <translation>sigmoid 출력 유닛 하나</translation>
        </message>
        <message>
            <source>Binary cross-entropy needs one output unit (the probability of class 1); the output layer has {units}.</source>
            <translation>이진 교차 엔트로피에는 출력 유닛이 하나(클래스 1일 확률) 필요합니다. 지금 출력층의 유닛은 {units}개입니다.</translation>
        </message>
        <message>
            <source>Use 1 output unit</source>
            <translation>출력 유닛 1개 사용</translation>
        </message>
        <message>
            <source>With {loss} a two-class problem needs 2 output units (one per class); the output layer has {units}.</source>
            <translation>{loss}를 쓰면 클래스가 두 개인 문제에도 출력 유닛이 2개(클래스마다 하나) 필요합니다. 지금 출력층의 유닛은 {units}개입니다.</translation>
        </message>
        <message>
            <source>Use 2 output units</source>
            <translation>출력 유닛 2개 사용</translation>
        </message>
        <message>
            <source>Binary cross-entropy expects a probability; the output activation '{act}' does not give one. Use sigmoid.</source>
            <translation>이진 교차 엔트로피는 확률을 입력으로 받는데, 출력 활성화 함수 '{act}'는 확률을 내지 않습니다. sigmoid를 쓰세요.</translation>
        </message>
        <message>
            <source>Sigmoid output</source>
            <translation>sigmoid 출력</translation>
        </message>
        <message>
            <source>{loss} expects class probabilities from a softmax output; this output uses '{act}'.</source>
            <translation>{loss}는 softmax 출력이 내는 클래스 확률을 받습니다. 지금 출력층은 '{act}'를 씁니다.</translation>
        </message>
        <message>
            <source>Softmax output</source>
            <translation>softmax 출력</translation>
        </message>
        <message>
            <source>categorical_crossentropy expects one-hot labels, but this dataset's labels are class numbers (0, 1, 2, ...). Use sparse categorical cross-entropy, or switch the labels to one-hot.</source>
            <translation>categorical_crossentropy는 원-핫 레이블을 받는데, 이 데이터셋의 레이블은 클래스 번호(0, 1, 2, ...)입니다. sparse categorical 교차 엔트로피를 쓰거나 레이블을 원-핫으로 바꾸세요.</translation>
        </message>
        <message>
            <source>Use sparse_categorical_crossentropy</source>
            <translation>sparse_categorical_crossentropy 사용</translation>
        </message>
        <message>
            <source>sparse_categorical_crossentropy expects class numbers, but the labels are one-hot vectors. Use categorical cross-entropy.</source>
            <translation>sparse_categorical_crossentropy는 클래스 번호를 받는데, 레이블이 원-핫 벡터입니다. categorical 교차 엔트로피를 쓰세요.</translation>
        </message>
        <message>
            <source>Use categorical_crossentropy</source>
            <translation>categorical_crossentropy 사용</translation>
        </message>
        <message>
            <source>Binary cross-entropy takes 0/1 labels, not one-hot vectors.</source>
            <translation>이진 교차 엔트로피는 원-핫 벡터가 아니라 0/1 레이블을 받습니다.</translation>
        </message>
        <message>
            <source>Use class numbers</source>
            <translation>클래스 번호 사용</translation>
        </message>
        <message>
            <source>'{loss}' on a classification task trains poorly; cross-entropy is the usual loss for probabilities.</source>
            <translation>분류 문제에 '{loss}'를 쓰면 학습이 잘 되지 않습니다. 확률을 다룰 때는 보통 교차 엔트로피를 손실 함수로 씁니다.</translation>
        </message>
        <message>
            <source>Use the matching cross-entropy</source>
            <translation>알맞은 교차 엔트로피 사용</translation>
        </message>
        <message>
            <source>The input features {names} do not fit this dataset ({n} columns): r and θ need exactly 2 columns, and a feature can only use columns the data has.</source>
            <translation>입력 특징 {names}이(가) 이 데이터셋({n}개 열)에 맞지 않습니다. r과 θ는 열이 정확히 2개여야 하고, 특징은 데이터에 있는 열만 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>Drop the features that do not fit</source>
            <translation>맞지 않는 특징 빼기</translation>
        </message>
        <message>
            <source>The Input layer has no features ticked: the network would see nothing. Tick at least one feature.</source>
            <translation>입력 층에 체크된 특징이 없어 신경망이 아무것도 볼 수 없습니다. 특징을 하나 이상 체크하세요.</translation>
        </message>
        <message>
            <source>Use the raw columns</source>
            <translation>원래 열 사용하기</translation>
        </message>
        <message>
            <source>The Input layer expects {size} features but {n} are ticked. The input size must equal the number of features.</source>
            <translation>입력 층은 특징 {size}개를 기대하지만 {n}개가 체크되어 있습니다. 입력 크기는 특징 개수와 같아야 합니다.</translation>
        </message>
        <message>
            <source>Follow the ticked features ({n})</source>
            <translation>체크된 특징에 맞추기 ({n}개)</translation>
        </message>
        <message>
            <source>The Input layer expects {size} features but the dataset has {n}. The input size must equal the number of features.</source>
            <translation>입력층은 특성 {size}개를 기대하지만 데이터셋의 특성은 {n}개입니다. 입력 크기는 특성 개수와 같아야 합니다.</translation>
        </message>
        <message>
            <source>Follow the dataset ({n} features)</source>
            <translation>데이터셋에 맞춤 (특성 {n}개)</translation>
        </message>
        <message>
            <source>Layer {i} starts with every weight '{init}': all hidden units will stay identical, because each receives the same gradient (the symmetry is never broken).</source>
            <translation>{i}번 층은 모든 가중치를 '{init}'(으)로 시작합니다. 모든 유닛이 같은 기울기를 받으므로 은닉 유닛이 끝까지 똑같이 남습니다(대칭이 깨지지 않습니다).</translation>
        </message>
        <message>
            <source>Use glorot_uniform</source>
            <translation>glorot_uniform 사용</translation>
        </message>
        <message>
            <source>Layer {i} uses the step function, whose derivative is 0 everywhere: backpropagation gets no gradient through it, so the layers before it (and its own weights) do not learn.</source>
            <translation>{i}번 층은 계단 함수(step)를 씁니다. 계단 함수의 미분은 어디서나 0이라서 역전파로 기울기가 전달되지 않고, 그 앞의 층들(과 이 층의 가중치)이 학습되지 않습니다.</translation>
        </message>
        <message>
            <source>Use sigmoid</source>
            <translation>sigmoid 사용</translation>
        </message>
        <message>
            <source>Validation split must be in [0, 1); it is {val}.</source>
            <translation>검증 데이터 비율은 [0, 1) 범위여야 합니다. 지금은 {val}입니다.</translation>
        </message>
        <message>
            <source>Use 0.2</source>
            <translation>0.2 사용</translation>
        </message>
        <message>
            <source>A validation split of {val} leaves no training samples out of {n}.</source>
            <translation>검증 데이터 비율이 {val}이면 샘플 {n}개 중 훈련 샘플이 하나도 남지 않습니다.</translation>
        </message>
        <message>
            <source>Use no validation split</source>
            <translation>검증 데이터 사용 안 함</translation>
        </message>
        <message>
            <source>Batch size {b} is larger than the {n} training samples: every epoch is a single full batch.</source>
            <translation>배치 크기 {b}이(가) 훈련 샘플 수 {n}보다 큽니다. 에포크마다 전체가 배치 하나가 됩니다.</translation>
        </message>
        <message>
            <source>Use batch size {n}</source>
            <translation>배치 크기 {n} 사용</translation>
        </message>
        <message>
            <source>Batch size must be at least 1.</source>
            <translation>배치 크기는 1 이상이어야 합니다.</translation>
        </message>
        <message>
            <source>Use 32</source>
            <translation>32 사용</translation>
        </message>
        <message>
            <source>Train for at least 1 epoch.</source>
            <translation>적어도 1 에포크는 학습해야 합니다.</translation>
        </message>
        <message>
            <source>Use 100</source>
            <translation>100 사용</translation>
        </message>
        <message>
            <source>The learning rate must be positive.</source>
            <translation>학습률은 0보다 커야 합니다.</translation>
        </message>
        <message>
            <source>Use 0.01</source>
            <translation>0.01 사용</translation>
        </message>
        <message>
            <source>Early stopping watches '{monitor}' but there is no validation split, so it has nothing to watch.</source>
            <translation>조기 종료가 '{monitor}'을(를) 지켜보는데 검증 데이터가 없어서 지켜볼 값이 없습니다.</translation>
        </message>
        <message>
            <source>Use a 0.2 validation split</source>
            <translation>검증 데이터 비율 0.2 사용</translation>
        </message>
        <message>
            <source>The network has {n:,} weights and biases; nnstudio trains at most {limit:,}. Use fewer units or layers.</source>
            <translation>네트워크의 가중치와 편향이 {n:,}개입니다. nnstudio는 최대 {limit:,}개까지 학습합니다. 유닛이나 층을 줄이세요.</translation>
        </message>
        <message>
            <source>Use at most 64 units in the hidden layers</source>
            <translation>은닉층 유닛을 최대 64개로</translation>
        </message>
        <message>
            <source>The dataset has {n:,} samples; nnstudio trains on at most {limit:,}. Use a smaller file.</source>
            <translation>데이터셋의 샘플이 {n:,}개입니다. nnstudio는 최대 {limit:,}개까지 학습합니다. 더 작은 파일을 사용하세요.</translation>
        </message>
        <message>
            <source>Layer {i} needs at least 1 unit.</source>
            <translation>{i}번 층에는 유닛이 1개 이상 있어야 합니다.</translation>
        </message>
        <message>
            <source>Use 1 unit</source>
            <translation>유닛 1개 사용</translation>
        </message>
        <message>
            <source>Dropout cannot be the last layer: the output would be randomly zeroed while training.</source>
            <translation>Dropout은 마지막 층이 될 수 없습니다. 학습하는 동안 출력이 무작위로 0이 되어 버립니다.</translation>
        </message>
        <message>
            <source>Remove the trailing Dropout</source>
            <translation>마지막 Dropout 삭제</translation>
        </message>
        <message>
            <source>Dropout rate must be in [0, 1); layer {i} has {rate}.</source>
            <translation>드롭아웃 비율은 [0, 1) 범위여야 합니다. {i}번 층은 {rate}입니다.</translation>
        </message>
        <message>
            <source>Use rate 0.5</source>
            <translation>비율 0.5 사용</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <source>What is wrong with the network or its settings, and a one-click fix.</source>
            <extracomment>a status-bar message (empty string: clear)</extracomment>
            <translation>신경망이나 설정에 무엇이 잘못됐는지 보여 주고, 한 번의 클릭으로 고쳐 줍니다.</translation>
        </message>
        <message>
            <source>No problems: the network is ready to train.</source>
            <translation>문제가 없습니다. 신경망을 학습시킬 준비가 되었습니다.</translation>
        </message>
        <message>
            <source>{n} error(s) must be fixed before training (see Problems).</source>
            <translation>학습하기 전에 오류 {n}개를 해결해야 합니다(문제 패널 참고).</translation>
        </message>
        <message>
            <source>Fix: {label}</source>
            <translation>고치기: {label}</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <source>Declares how many features each sample has.</source>
            <translation>샘플마다 특성이 몇 개인지 정합니다.</translation>
        </message>
        <message>
            <source>Every input connects to every unit: a = f(x·W + b).</source>
            <translation>모든 입력이 모든 유닛에 연결됩니다: a = f(x·W + b).</translation>
        </message>
        <message>
            <source>Randomly silences a share of inputs while training (regularization).</source>
            <translation>학습하는 동안 입력의 일부를 무작위로 끕니다(규제).</translation>
        </message>
        <message>
            <source>Applies an activation function on its own.</source>
            <translation>활성화 함수만 따로 적용합니다.</translation>
        </message>
        <message>
            <source>Passes the weighted sum through unchanged (regression outputs).</source>
            <translation>가중합을 그대로 내보냅니다(회귀 출력).</translation>
        </message>
        <message>
            <source>Squashes any number into (0, 1); the classic neuron and binary output.</source>
            <translation>어떤 수든 (0, 1) 사이로 눌러 담습니다. 전통적인 뉴런이며 이진 분류 출력에 씁니다.</translation>
        </message>
        <message>
            <source>Squashes into (−1, 1), centred on zero.</source>
            <translation>0을 중심으로 (−1, 1) 사이로 눌러 담습니다.</translation>
        </message>
        <message>
            <source>Keeps positive values, zeroes negatives; the default for hidden layers.</source>
            <translation>양수는 그대로 두고 음수는 0으로 만듭니다. 은닉층의 기본 선택입니다.</translation>
        </message>
        <message>
            <source>Like ReLU but lets a small slope (0.2) through for negatives.</source>
            <translation>ReLU와 같지만 음수에도 작은 기울기(0.2)를 남깁니다.</translation>
        </message>
        <message>
            <source>Smooth ReLU variant that goes down to −1 for negatives.</source>
            <translation>음수 쪽이 −1까지 부드럽게 내려가는 ReLU 변형입니다.</translation>
        </message>
        <message>
            <source>A smooth version of ReLU; always positive.</source>
            <translation>ReLU를 부드럽게 만든 함수로, 항상 양수입니다.</translation>
        </message>
        <message>
            <source>Turns a layer's outputs into probabilities that sum to 1 (multi-class output).</source>
            <translation>층의 출력을 합이 1인 확률로 바꿉니다(다중 클래스 출력).</translation>
        </message>
        <message>
            <source>Fires 1 when the weighted sum is positive, else 0 (the perceptron).</source>
            <translation>가중합이 양수이면 1, 아니면 0을 냅니다(퍼셉트론).</translation>
        </message>
        <message>
            <source>Every weight starts at 0 (all units stay identical: symmetry is never broken).</source>
            <translation>모든 가중치가 0에서 시작합니다(모든 유닛이 똑같이 남아 대칭이 깨지지 않습니다).</translation>
        </message>
        <message>
            <source>Every weight starts at 1.</source>
            <translation>모든 가중치가 1에서 시작합니다.</translation>
        </message>
        <message>
            <source>Small random normal values.</source>
            <translation>정규분포를 따르는 작은 난수입니다.</translation>
        </message>
        <message>
            <source>Small random uniform values.</source>
            <translation>균등분포를 따르는 작은 난수입니다.</translation>
        </message>
        <message>
            <source>Xavier/Glorot uniform, scaled by fan-in and fan-out (Keras default).</source>
            <translation>Xavier/Glorot 균등분포로, 입력 수(fan-in)와 출력 수(fan-out)에 맞춰 크기를 정합니다(Keras 기본값).</translation>
        </message>
        <message>
            <source>Xavier/Glorot truncated normal, scaled by fan-in and fan-out.</source>
            <translation>Xavier/Glorot 절단 정규분포로, 입력 수(fan-in)와 출력 수(fan-out)에 맞춰 크기를 정합니다.</translation>
        </message>
        <message>
            <source>He truncated normal, for ReLU layers.</source>
            <translation>He 절단 정규분포로, ReLU 층에 알맞습니다.</translation>
        </message>
        <message>
            <source>He uniform, for ReLU layers.</source>
            <translation>He 균등분포로, ReLU 층에 알맞습니다.</translation>
        </message>
        <message>
            <source>LeCun truncated normal.</source>
            <translation>LeCun 절단 정규분포입니다.</translation>
        </message>
        <message>
            <source>LeCun uniform.</source>
            <translation>LeCun 균등분포입니다.</translation>
        </message>
        <message>
            <source>Average squared distance between prediction and target (regression).</source>
            <translation>예측과 타깃 사이 거리의 제곱 평균입니다(회귀).</translation>
        </message>
        <message>
            <source>Average absolute distance between prediction and target (robust regression).</source>
            <translation>예측과 타깃 사이 거리의 절댓값 평균입니다(이상치에 강한 회귀).</translation>
        </message>
        <message>
            <source>Cross-entropy for yes/no outputs (sigmoid output, labels 0 or 1).</source>
            <translation>예/아니요 출력을 위한 교차 엔트로피입니다(sigmoid 출력, 레이블 0 또는 1).</translation>
        </message>
        <message>
            <source>Cross-entropy for one-hot targets (softmax output).</source>
            <translation>원-핫 타깃을 위한 교차 엔트로피입니다(softmax 출력).</translation>
        </message>
        <message>
            <source>Cross-entropy for integer class labels 0..k−1 (softmax output).</source>
            <translation>정수 클래스 레이블 0..k−1을 위한 교차 엔트로피입니다(softmax 출력).</translation>
        </message>
        <message>
            <source>Gradient descent: step against the gradient (optionally with momentum).</source>
            <translation>경사 하강법: 기울기의 반대 방향으로 한 걸음씩 움직입니다(모멘텀 선택 가능).</translation>
        </message>
        <message>
            <source>Adaptive moments: momentum plus per-weight step sizes; a robust default.</source>
            <translation>적응적 모멘트: 모멘텀에 가중치별 보폭을 더했습니다. 무난한 기본 선택입니다.</translation>
        </message>
        <message>
            <source>Divides each step by a running RMS of recent gradients.</source>
            <translation>최근 기울기의 이동 RMS로 각 보폭을 나눕니다.</translation>
        </message>
        <message>
            <source>Per-weight step sizes that shrink as gradients accumulate.</source>
            <translation>기울기가 쌓일수록 줄어드는 가중치별 보폭을 씁니다.</translation>
        </message>
        <message>
            <source>Pushes weights to exactly zero (sparse weights).</source>
            <translation>가중치를 정확히 0으로 밀어 냅니다(희소한 가중치).</translation>
        </message>
        <message>
            <source>Keeps weights small (weight decay through the loss).</source>
            <translation>가중치를 작게 유지합니다(손실을 통한 가중치 감쇠).</translation>
        </message>
        <message>
            <source>Both L1 and L2 penalties.</source>
            <translation>L1과 L2 벌점을 함께 씁니다.</translation>
        </message>
        <message>
            <source>Limits the length of each unit's weight vector.</source>
            <translation>각 유닛의 가중치 벡터 길이를 제한합니다.</translation>
        </message>
        <message>
            <source>Keeps weights non-negative.</source>
            <translation>가중치가 음수가 되지 않게 합니다.</translation>
        </message>
        <message>
            <source>Keeps each unit's weight vector at length 1.</source>
            <translation>각 유닛의 가중치 벡터 길이를 1로 유지합니다.</translation>
        </message>
        <message>
            <source>Share of right answers; picks binary / categorical / sparse from the loss and shapes.</source>
            <translation>맞힌 비율입니다. 손실 함수와 모양을 보고 binary / categorical / sparse 중에서 고릅니다.</translation>
        </message>
        <message>
            <source>Share of yes/no predictions that are right (threshold 0.5).</source>
            <translation>예/아니요 예측 중 맞힌 비율입니다(임계값 0.5).</translation>
        </message>
        <message>
            <source>Share of samples whose most likely class is the right one (one-hot targets).</source>
            <translation>가장 확률이 높은 클래스가 정답인 샘플의 비율입니다(원-핫 타깃).</translation>
        </message>
        <message>
            <source>Share of samples whose most likely class is the right one (integer labels).</source>
            <translation>가장 확률이 높은 클래스가 정답인 샘플의 비율입니다(정수 레이블).</translation>
        </message>
        <message>
            <source>Mean squared error, reported as a metric.</source>
            <translation>평균 제곱 오차를 지표로 보여 줍니다.</translation>
        </message>
        <message>
            <source>Mean absolute error, reported as a metric.</source>
            <translation>평균 절대 오차를 지표로 보여 줍니다.</translation>
        </message>
    </context>
    <context>
        <name>ReplayWidget</name>
        <message>
            <source>Jump to the best epoch</source>
            <translation>가장 좋은 에포크로 이동</translation>
        </message>
        <message>
            <source>Replay epochs {start}–{until}</source>
            <translation>에포크 {start}–{until} 다시 보기</translation>
        </message>
        <message>
            <source>Replay {names}</source>
            <translation>{names} 다시 보기</translation>
        </message>
        <message>
            <source>, then </source>
            <translation>, 그다음 </translation>
        </message>
        <message>
            <source>Replay {n} batches slowly</source>
            <translation>미니배치 {n}개 느리게 다시 보기</translation>
        </message>
        <message>
            <source>The epoch with the lowest validation loss. Moves the canvas, the curves' marker and every view to the epoch whose validation loss was lowest: the network before it began to memorize noise.</source>
            <translation>검증 손실이 가장 낮은 에포크입니다. 캔버스, 곡선의 표시선과 모든 화면을 검증 손실이 가장 낮았던 에포크로 옮깁니다. 신경망이 잡음을 외우기 시작하기 전의 모습입니다.</translation>
        </message>
        <message>
            <source>Plays those epochs again at {speed:g} epochs a second on every view; the timeline under the loss plot pauses or steps it.</source>
            <translation>그 에포크들을 1초에 {speed:g} 에포크씩 모든 화면에서 다시 재생합니다. 손실 그래프 아래의 타임라인으로 멈추거나 한 에포크씩 옮길 수 있습니다.</translation>
        </message>
        <message>
            <source>Trains each initialization for {n} epochs, keeps it as a run (its curves stay in the plots) and replays its epochs 0–{n} at {speed:g} a second, one after the other.</source>
            <translation>초기화 방법마다 {n} 에포크를 학습하고 실행으로 보관한 뒤(곡선이 그래프에 남습니다), 에포크 0–{n}을 1초에 {speed:g} 에포크씩 차례로 다시 재생합니다.</translation>
        </message>
        <message>
            <source>Goes back to epoch {start} and trains {n} mini-batches again, {speed:g} a second, ringing each batch in the data view. The same seed gives the same batches; the epochs trained before are kept as a run.</source>
            <translation>에포크 {start}로 돌아가 미니배치 {n}개를 1초에 {speed:g}개씩 다시 학습하고, 데이터 화면에 각 배치를 동그라미로 표시합니다. 시드가 같으므로 배치도 같습니다. 앞서 학습한 에포크들은 실행으로 보관됩니다.</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>나란히 보기</translation>
        </message>
        <message>
            <source>Shows the decision maps of {names} next to each other, one slider for both: each map from its own run's weights at that epoch.</source>
            <translation>{names}의 결정 지도를 나란히 보여 줍니다. 슬라이더 하나로 둘 다 움직이며, 각 지도는 그 에포크에서 해당 실행이 실제로 가졌던 가중치로 그립니다.</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>The timeline is not available here.</source>
            <translation>여기서는 타임라인을 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>Wait until training has finished (or pause it).</source>
            <translation>학습이 끝날 때까지 기다리세요(또는 일시 정지하세요).</translation>
        </message>
        <message>
            <source>Train first: there are no recorded epochs yet.</source>
            <translation>먼저 학습하세요. 아직 기록된 에포크가 없습니다.</translation>
        </message>
        <message>
            <source>This run has no validation loss (validation split 0).</source>
            <translation>이 실행에는 검증 손실이 없습니다(검증 비율 0).</translation>
        </message>
        <message>
            <source>Lowest validation loss {value:.4g} at epoch {epoch} of {total}: the views now show epoch {shown}. Press Live under the loss plot to return.</source>
            <translation>가장 낮은 검증 손실은 전체 {total} 에포크 중 에포크 {epoch}의 {value:.4g}입니다. 지금 화면은 에포크 {shown}을(를) 보여 줍니다. 돌아가려면 손실 그래프 아래의 실시간을 누르세요.</translation>
        </message>
        <message>
            <source>Replaying… watch the canvas and the decision map; the purple line on the loss plot is the epoch shown.</source>
            <translation>다시 재생하는 중… 캔버스와 결정 경계 지도를 보세요. 손실 그래프의 보라색 선이 지금 보이는 에포크입니다.</translation>
        </message>
        <message>
            <source>Done: both runs stay dashed in the loss plot; the side-by-side window replays their decision maps together.</source>
            <translation>끝났습니다. 두 실행은 손실 그래프에 점선으로 남아 있고, 나란히 보기 창에서 두 결정 지도를 함께 다시 재생합니다.</translation>
        </message>
        <message>
            <source>Replay: {name}</source>
            <translation>다시 보기: {name}</translation>
        </message>
        <message>
            <source>The project cannot be changed now.</source>
            <translation>지금은 프로젝트를 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>Training {name}…</source>
            <translation>{name} 학습 중…</translation>
        </message>
        <message>
            <source>Training could not start.</source>
            <translation>학습을 시작할 수 없습니다.</translation>
        </message>
        <message>
            <source>Replaying {name}: epochs 0–{n}.</source>
            <translation>{name} 다시 보는 중: 에포크 0–{n}.</translation>
        </message>
        <message>
            <source>Replaying {n} mini-batches: each one is ringed in the data view as it trains.</source>
            <translation>미니배치 {n}개를 다시 학습하는 중: 학습되는 배치마다 데이터 화면에 동그라미로 표시됩니다.</translation>
        </message>
    </context>
    <context>
        <name>RowsModel</name>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>train</source>
            <translation>훈련</translation>
        </message>
        <message>
            <source>set</source>
            <translation>구분</translation>
        </message>
    </context>
    <context>
        <name>SamplePicker</name>
        <message>
            <source>Sample</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>Previous sample</source>
            <translation>이전 샘플</translation>
        </message>
        <message>
            <source>The sample whose activations the canvas shows</source>
            <translation>캔버스에 활성값을 보여 줄 샘플</translation>
        </message>
        <message>
            <source>Next sample</source>
            <translation>다음 샘플</translation>
        </message>
        <message>
            <source>A random sample</source>
            <translation>무작위 샘플</translation>
        </message>
    </context>
    <context>
        <name>SideBySideView</name>
        <message>
            <source>Side by side: {names}</source>
            <translation>나란히 보기: {names}</translation>
        </message>
        <message>
            <source> vs </source>
            <translation> 대 </translation>
        </message>
        <message>
            <source>The same network trained from {n} starting points, each map from its own run's recorded weights at the epoch on the slider.</source>
            <translation>같은 신경망을 출발점 {n}곳에서 학습했습니다. 각 지도는 슬라이더의 에포크에서 그 실행이 기록한 가중치로 그립니다.</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Play both runs' epochs together from the slider's epoch (Space).</source>
            <translation>슬라이더의 에포크부터 두 실행의 에포크를 함께 재생합니다 (Space).</translation>
        </message>
        <message>
            <source>The epoch shown in every map (epoch k = after k epochs, 0 = the starting weights). ← → step one epoch, Home/End jump.</source>
            <translation>모든 지도에 보이는 에포크입니다 (에포크 k = k 에포크 학습 뒤, 0 = 시작 가중치). ← →로 한 에포크씩, Home/End로 처음과 끝으로 이동합니다.</translation>
        </message>
        <message>
            <source> epochs/s</source>
            <translation> 에포크/초</translation>
        </message>
        <message>
            <source>Replay speed in epochs a second.</source>
            <translation>다시 보기 속도 (초당 에포크 수).</translation>
        </message>
        <message>
            <source>{name}: no map (needs 2 input features)</source>
            <translation>{name}: 지도 없음 (입력 특징이 2개여야 합니다)</translation>
        </message>
        <message>
            <source>{name} · epoch {epoch}</source>
            <translation>{name} · 에포크 {epoch}</translation>
        </message>
        <message>
            <source> · loss {loss:.3f}</source>
            <translation> · 손실 {loss:.3f}</translation>
        </message>
        <message>
            <source> · accuracy {acc:.0%}</source>
            <translation> · 정확도 {acc:.0%}</translation>
        </message>
        <message>
            <source>epoch {epoch} of {last}</source>
            <translation>에포크 {epoch} / {last}</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
    </context>
    <context>
        <name>SpeedControl</name>
        <message>
            <source>Speed</source>
            <translation>속도</translation>
        </message>
        <message>
            <source>Training speed: how many mini-batches are trained per second.
Left (slow motion, 1-4 batches/s): after every batch the loss curve, the canvas and the decision map are redrawn and the batch just trained is highlighted in the data view.
Right (full speed): trains as fast as the computer can; the views refresh about 10 times a second.
The speed changes only how fast you see it, never what the network learns. It is saved with the project.
Keys: Ctrl+[ slower, Ctrl+] faster (or focus the slider and use the arrow keys).</source>
            <translation>학습 속도: 1초에 몇 개의 미니배치를 학습할지 정합니다.
왼쪽(슬로 모션, 초당 1~4배치): 배치 하나를 학습할 때마다 손실 곡선, 캔버스, 결정 경계 지도를 다시 그리고, 방금 학습한 배치를 데이터 보기에서 강조합니다.
오른쪽(최고 속도): 컴퓨터가 낼 수 있는 가장 빠른 속도로 학습하며, 화면은 1초에 약 10번 새로 그립니다.
속도는 보이는 빠르기만 바꿀 뿐, 신경망이 배우는 내용은 바꾸지 않습니다. 속도는 프로젝트와 함께 저장됩니다.
단축키: Ctrl+[ 느리게, Ctrl+] 빠르게 (슬라이더에 포커스를 두고 화살표 키를 써도 됩니다).</translation>
        </message>
        <message>
            <source>full speed</source>
            <translation>최고 속도</translation>
        </message>
        <message>
            <source>{n:g} batches/s</source>
            <translation>초당 {n:g}배치</translation>
        </message>
        <message>
            <source>Training speed</source>
            <translation>학습 속도</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <source>Welcome to nnstudio</source>
            <extracomment>open lesson (id) open the example project (path as str)</extracomment>
            <translation>nnstudio에 오신 것을 환영합니다</translation>
        </message>
        <message>
            <source>Build, train and see small neural networks. Start with the first lesson (every lesson is listed on the left), or pick what you want to do.</source>
            <translation>작은 신경망을 만들고, 학습시키고, 눈으로 확인하세요. 첫 수업부터 시작하거나(모든 수업은 왼쪽에 있습니다) 하고 싶은 일을 고르세요.</translation>
        </message>
        <message>
            <source>▶  Start lesson 1</source>
            <translation>▶  1강 시작하기</translation>
        </message>
        <message>
            <source>Open the first lesson beside the canvas (the Learn workspace)</source>
            <translation>캔버스 옆에 첫 수업을 엽니다(배우기 작업 공간)</translation>
        </message>
        <message>
            <source>New network</source>
            <translation>새 신경망</translation>
        </message>
        <message>
            <source>Start from an empty network on the canvas (Build &amp; train)</source>
            <translation>캔버스의 빈 신경망에서 시작합니다(만들기 &amp; 학습)</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>CSV 가져오기…</translation>
        </message>
        <message>
            <source>Load your own data from a CSV file and build a network for it</source>
            <translation>CSV 파일에서 내 데이터를 불러와 그에 맞는 신경망을 만듭니다</translation>
        </message>
        <message>
            <source>Open an example:</source>
            <translation>예제 열기:</translation>
        </message>
        <message>
            <source>Open the sample project {name}</source>
            <translation>예제 프로젝트 {name} 열기</translation>
        </message>
    </context>
    <context>
        <name>TimelineBar</name>
        <message>
            <source>Replay the recorded epochs from the one shown, at the chosen speed (Space while the timeline has the focus)</source>
            <extracomment>a replay ended (paused, reached its end, or training started)</extracomment>
            <translation>지금 보이는 에포크부터 기록된 에포크들을 고른 속도로 다시 재생합니다(타임라인에 포커스가 있을 때 Space)</translation>
        </message>
        <message>
            <source> /s</source>
            <translation> /초</translation>
        </message>
        <message>
            <source>Replay speed in epochs per second: how many epochs a second Play moves on (1–30)</source>
            <translation>재생 속도(초당 에포크): 재생이 1초에 몇 에포크씩 나아가는지(1–30)</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>반복 재생</translation>
        </message>
        <message>
            <source>Start the replay again from the first epoch when it reaches the last</source>
            <translation>마지막 에포크에 이르면 첫 에포크부터 다시 재생합니다</translation>
        </message>
        <message>
            <source>Drag to any recorded epoch: the canvas, the decision map, the activations and the confusion matrix show the network as it was then.
Left/Right: one epoch; Home/End: first/last; Esc: Live</source>
            <translation>기록된 아무 에포크로나 끌어 보세요. 캔버스, 결정 경계 지도, 활성화, 혼동 행렬이 그때의 신경망을 보여 줍니다.
←/→: 한 에포크, Home/End: 처음/마지막, Esc: 실시간</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>실시간</translation>
        </message>
        <message>
            <source>Return to the present: the views follow training again (Esc)</source>
            <translation>현재로 돌아갑니다. 화면이 다시 학습을 따라갑니다(Esc)</translation>
        </message>
        <message>
            <source>Continue from here</source>
            <translation>여기서 이어서 학습</translation>
        </message>
        <message>
            <source>Continue training from here: a new branch from the epoch shown, with its weights and optimizer state, so the run goes on exactly from there. The epochs after it are not lost: they stay as a kept run, drawn dashed in the plots.</source>
            <translation>여기서부터 이어서 학습: 지금 보이는 에포크의 가중치와 옵티마이저 상태로 새 갈래를 시작하므로, 학습이 정확히 그 지점부터 이어집니다. 그 뒤의 에포크들은 사라지지 않고 보관된 실행으로 남아 그래프에 점선으로 그려집니다.</translation>
        </message>
        <message>
            <source>Continue training from here</source>
            <translation>여기서부터 이어서 학습</translation>
        </message>
        <message>
            <source>Train on from epoch {epoch}?

The epochs {first}–{last} of this run are kept as a kept run and stay drawn (dashed) in the loss and metric plots, so nothing is lost.</source>
            <translation>에포크 {epoch}부터 이어서 학습할까요?

이 실행의 에포크 {first}–{last}는 보관된 실행으로 남고 손실·지표 그래프에 점선으로 계속 그려지므로, 잃는 것은 없습니다.</translation>
        </message>
        <message>
            <source>live: epoch {epoch}</source>
            <translation>실시간: 에포크 {epoch}</translation>
        </message>
        <message>
            <source>no epochs yet</source>
            <translation>아직 에포크 없음</translation>
        </message>
        <message>
            <source>The views follow training: they show the latest epoch</source>
            <translation>화면이 학습을 따라갑니다. 마지막 에포크를 보여 줍니다</translation>
        </message>
        <message>
            <source>epoch {epoch} of {total}</source>
            <translation>에포크 {epoch} / {total}</translation>
        </message>
        <message>
            <source>Viewing epoch {epoch} of {total} (the past): press Live to return to the present.</source>
            <translation>지난 시점인 에포크 {epoch} / {total}을(를) 보는 중입니다. 현재로 돌아가려면 실시간을 누르세요.</translation>
        </message>
        <message>
            <source>Train first: every epoch is recorded so you can come back to it</source>
            <translation>먼저 학습하세요. 모든 에포크가 기록되어 나중에 돌아올 수 있습니다</translation>
        </message>
    </context>
    <context>
        <name>TrainingController</name>
        <message>
            <source>Ready</source>
            <extracomment>English text of :meth:`TrainingController.diverge_hint` (shown translated) the history (epochs and/or per-iteration loss) changed new status text (str) for the toolbar label (value, maximum) for the progress bar a new :class:`~nnstudio.session.probes.Snapshot` for the live views a one-batch step finished: :class:`~nnstudio.ui.training.worker.StepInfo` kept runs changed a message for the status bar epochs were added to the timeline or it was replaced (GUI thread; see :mod:`.rewind`) the views moved to this recorded epoch (-1: back to live) what the views show: the document's trained state, or the live one while a run lives</extracomment>
            <translation>준비됨</translation>
        </message>
        <message>
            <source>Preparing the data: Train is enabled as soon as it is ready.</source>
            <extracomment>the last (kind, delay ms) pauses before a credit was given back (tests, benchmarks)</extracomment>
            <translation>데이터를 준비하는 중입니다. 준비가 끝나는 대로 학습 버튼이 켜집니다.</translation>
        </message>
        <message>
            <source>No dataset: {reason}</source>
            <translation>데이터셋 없음: {reason}</translation>
        </message>
        <message>
            <source>choose a dataset first.</source>
            <translation>먼저 데이터셋을 고르세요.</translation>
        </message>
        <message>
            <source>Fix the problems first: {problem}</source>
            <translation>먼저 문제를 해결하세요: {problem}</translation>
        </message>
        <message>
            <source>see the Problems panel</source>
            <translation>문제 패널을 확인하세요</translation>
        </message>
        <message>
            <source>The output goes through the step function, whose slope is 0 everywhere: gradient descent gets no gradient, so training would leave the loss flat. Move the weights by hand, let the perceptron rule learn them (lesson 1), or give the output a sigmoid.</source>
            <translation>출력이 계단 함수를 거칩니다. 계단 함수의 기울기는 어디서나 0이어서 경사 하강법이 기울기를 얻지 못하므로, 학습해도 손실이 평평하게 그대로입니다. 가중치를 직접 움직이거나, 퍼셉트론 규칙으로 학습시키거나(1강), 출력에 시그모이드를 쓰세요.</translation>
        </message>
        <message>
            <source>Pausing…</source>
            <translation>일시 정지하는 중…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>멈추는 중…</translation>
        </message>
        <message>
            <source>Reset weights</source>
            <translation>가중치 다시 초기화</translation>
        </message>
        <message>
            <source>The data could not be prepared for training.</source>
            <translation>학습에 쓸 데이터를 준비하지 못했습니다.</translation>
        </message>
        <message>
            <source>The model could not be built: {error}</source>
            <translation>모델을 만들 수 없습니다: {error}</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>시작하는 중…</translation>
        </message>
        <message>
            <source>epoch {epoch} / {total}</source>
            <translation>에포크 {epoch} / {total}</translation>
        </message>
        <message>
            <source>iteration {iteration} / {total}</source>
            <translation>반복 {iteration} / {total}</translation>
        </message>
        <message>
            <source>loss {loss:.4g}</source>
            <translation>손실 {loss:.4g}</translation>
        </message>
        <message>
            <source>{rate:,.0f} samples/s</source>
            <translation>초당 샘플 {rate:,.0f}개</translation>
        </message>
        <message>
            <source>{time} elapsed</source>
            <translation>{time} 경과</translation>
        </message>
        <message>
            <source>{time} left</source>
            <translation>{time} 남음</translation>
        </message>
        <message>
            <source>Paused at epoch {epoch}, iteration {iteration}.</source>
            <translation>에포크 {epoch}, 반복 {iteration}에서 일시 정지했습니다.</translation>
        </message>
        <message>
            <source>Training diverged: the loss exploded to {loss:.3g} at epoch {epoch}, iteration {iteration}, far above the {start:.3g} it started from.</source>
            <translation>학습이 발산했습니다: 에포크 {epoch}, 반복 {iteration}에서 손실이 {loss:.3g}(으)로 폭증했습니다. 시작할 때의 {start:.3g}보다 훨씬 큽니다.</translation>
        </message>
        <message>
            <source>Training diverged: the loss became NaN or infinite at epoch {epoch}, iteration {iteration}.</source>
            <translation>학습이 발산했습니다: 에포크 {epoch}, 반복 {iteration}에서 손실이 NaN 또는 무한대가 되었습니다.</translation>
        </message>
        <message>
            <source>Training failed: {error}</source>
            <translation>학습에 실패했습니다: {error}</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>Done: {epochs} epochs, {iterations} iterations ({reason}).</source>
            <translation>완료: 에포크 {epochs}번, 반복 {iterations}번 ({reason}).</translation>
        </message>
        <message>
            <source>Done: {epochs} epochs, {iterations} iterations.</source>
            <translation>완료: 에포크 {epochs}번, 반복 {iterations}번.</translation>
        </message>
        <message>
            <source>This usually means the learning rate is too high, the inputs are not scaled (turn on standardization), or the loss does not fit the output layer (e.g. cross-entropy on a linear output).</source>
            <translation>보통 학습률이 너무 높거나, 입력의 크기를 맞추지 않았거나(표준화를 켜세요), 손실 함수가 출력층과 맞지 않을 때(예: linear 출력에 교차 엔트로피) 생깁니다.</translation>
        </message>
        <message>
            <source>user</source>
            <translation>사용자가 멈춤</translation>
        </message>
        <message>
            <source>early stopping</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>diverged</source>
            <translation>발산</translation>
        </message>
        <message>
            <source>error</source>
            <translation>오류</translation>
        </message>
        <message>
            <source>Nothing to keep yet: train first.</source>
            <extracomment>edits that may be made while a run is paused without ending it (they apply on resume)</extracomment>
            <translation>아직 보관할 것이 없습니다. 먼저 학습시키세요.</translation>
        </message>
        <message>
            <source>Run {n}</source>
            <translation>실행 {n}</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>Keep run '{name}'</source>
            <translation>실행 '{name}' 보관</translation>
        </message>
        <message>
            <source>Remove run</source>
            <translation>실행 삭제</translation>
        </message>
        <message>
            <source>Rename run</source>
            <translation>실행 이름 바꾸기</translation>
        </message>
        <message>
            <source>The project cannot be changed now.</source>
            <translation>지금은 프로젝트를 바꿀 수 없습니다.</translation>
        </message>
        <message>
            <source>Ready: {epochs} epochs trained.</source>
            <translation>준비됨: {epochs} 에포크까지 학습했습니다.</translation>
        </message>
        <message>
            <source>There is no recorded epoch to continue from: train first.</source>
            <translation>이어서 학습할 기록된 에포크가 없습니다. 먼저 학습하세요.</translation>
        </message>
        <message>
            <source>Before continuing from epoch {epoch}</source>
            <translation>에포크 {epoch}에서 이어 학습하기 전</translation>
        </message>
    </context>
    <context>
        <name>TrainToolbar</name>
        <message>
            <source>Train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>Train the network (Space: train / pause)</source>
            <translation>신경망을 학습시킵니다 (Space: 학습 / 일시 정지)</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>한 단계</translation>
        </message>
        <message>
            <source>Train one mini-batch or one epoch, then pause (F10)</source>
            <translation>미니배치 하나 또는 에포크 하나만 학습하고 일시 정지합니다 (F10)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>중지</translation>
        </message>
        <message>
            <source>Stop training</source>
            <translation>학습 중지</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>Re-initialize the weights with the project's seed (undoable)</source>
            <translation>프로젝트의 시드로 가중치를 다시 초기화합니다 (실행 취소 가능)</translation>
        </message>
        <message>
            <source>one batch</source>
            <translation>배치 하나</translation>
        </message>
        <message>
            <source>one epoch</source>
            <translation>에포크 하나</translation>
        </message>
        <message>
            <source>What Step trains: one mini-batch (iteration) or one whole epoch</source>
            <translation>'한 단계'로 학습할 양: 미니배치 하나(반복 1번) 또는 에포크 전체</translation>
        </message>
        <message>
            <source>Slower</source>
            <translation>느리게</translation>
        </message>
        <message>
            <source>Train more slowly, down to slow motion (Ctrl+[)</source>
            <translation>더 느리게 학습합니다. 가장 느리면 슬로 모션입니다 (Ctrl+[)</translation>
        </message>
        <message>
            <source>Faster</source>
            <translation>빠르게</translation>
        </message>
        <message>
            <source>Train faster, up to full speed (Ctrl+])</source>
            <translation>더 빠르게 학습합니다. 가장 빠르면 최고 속도입니다 (Ctrl+])</translation>
        </message>
        <message>
            <source>Training…</source>
            <translation>학습 중…</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Pause training (Space)</source>
            <translation>학습 일시 정지 (Space)</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>계속</translation>
        </message>
        <message>
            <source>Resume training (Space)</source>
            <translation>학습 계속 (Space)</translation>
        </message>
        <message>
            <source>Viewing epoch {epoch} — press Live to return</source>
            <translation>에포크 {epoch} 보는 중 — 돌아가려면 실시간</translation>
        </message>
        <message>
            <source>The views show the network as it was after epoch {epoch}. Live (under the loss plot, or Esc there) returns to the present.</source>
            <translation>화면이 에포크 {epoch}이(가) 끝났을 때의 신경망을 보여 줍니다. 손실 그래프 아래의 실시간(또는 거기서 Esc)을 누르면 현재로 돌아갑니다.</translation>
        </message>
        <message>
            <source>Viewing epoch {epoch}: Train returns to Live and goes on from the latest epoch ({latest}); nothing is thrown away. To train from epoch {epoch} instead, use 'Continue from here' under the loss plot.</source>
            <translation>에포크 {epoch}을(를) 보는 중: 학습을 누르면 실시간으로 돌아가 마지막 에포크({latest})부터 이어서 학습하며, 버려지는 것은 없습니다. 에포크 {epoch}부터 학습하려면 손실 그래프 아래의 '여기서 이어서 학습'을 쓰세요.</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>Step size</source>
            <translation>한 단계의 크기</translation>
        </message>
        <message>
            <source>One batch</source>
            <translation>배치 하나</translation>
        </message>
        <message>
            <source>One epoch</source>
            <translation>에포크 하나</translation>
        </message>
    </context>
    <context>
        <name>UndoGuard</name>
        <message>
            <source>Stop training first: a running or paused run trains the network as it was when it started.</source>
            <translation>먼저 학습을 멈추세요. 실행 중이거나 일시 정지된 학습은 시작할 때의 네트워크를 학습합니다.</translation>
        </message>
    </context>
    <context>
        <name>WeightImagesPanel</name>
        <message>
            <source>One colour scale for all</source>
            <translation>모두 같은 색 척도</translation>
        </message>
        <message>
            <source>Off: each image uses its own range (patterns are easier to see). On: the same range for every image (sizes compare).</source>
            <translation>끄면: 이미지마다 자기 범위를 씁니다(무늬가 잘 보입니다). 켜면: 모든 이미지가 같은 범위를 씁니다(크기를 비교할 수 있습니다).</translation>
        </message>
        <message>
            <source>&lt;span style='color:#b2182b'&gt;red&lt;/span&gt; = positive weight, &lt;span style='color:#2166ac'&gt;blue&lt;/span&gt; = negative</source>
            <translation>&lt;span style='color:#b2182b'&gt;빨강&lt;/span&gt; = 양의 가중치, &lt;span style='color:#2166ac'&gt;파랑&lt;/span&gt; = 음의 가중치</translation>
        </message>
        <message>
            <source>Weight images are shown for image datasets (e.g. the handwritten digits).</source>
            <translation>가중치 이미지는 이미지 데이터셋(예: 손글씨 숫자)에서 보여 줍니다.</translation>
        </message>
        <message>
            <source>Add a Dense layer after the input (and train or step once) to see its weights as images.</source>
            <translation>입력 뒤에 Dense 층을 추가하고 학습하거나 한 단계 실행하면 가중치를 이미지로 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>class {name}</source>
            <translation>클래스 {name}</translation>
        </message>
        <message>
            <source>No hidden layer: each image is one output's weights, what that class looks for in the {h}×{w} input.</source>
            <translation>은닉층이 없습니다. 이미지 하나가 출력 하나의 가중치이며, 그 클래스가 {h}×{w} 입력에서 찾는 모양입니다.</translation>
        </message>
        <message>
            <source>unit {j}</source>
            <translation>유닛 {j}</translation>
        </message>
        <message>
            <source>Layer {layer}: the incoming weights of each of its {n} units as a {h}×{w} image (column j of the kernel).</source>
            <translation>{layer}번 층: 유닛 {n}개 각각으로 들어오는 가중치를 {h}×{w} 이미지로 그렸습니다(커널의 j번째 열).</translation>
        </message>
    </context>
    <context>
        <name>WeightMosaic</name>
        <message>
            <source>{caption}: weights from {lo:+.3f} (blue) to {hi:+.3f} (red)</source>
            <extracomment>gap between tiles and the caption height (pixels)</extracomment>
            <translation>{caption}: 가중치 {lo:+.3f}(파랑)부터 {hi:+.3f}(빨강)까지</translation>
        </message>
    </context>
    <context>
        <name>Workspaces</name>
        <message>
            <source>Learn</source>
            <extracomment>bump when the built-in docks change so an old saved dock layout is not applied (main_window re-exports it) (name, shortcut) of every workspace in switcher order lesson panel name -&gt; the docks that show it ('canvas' is the central widget) in Learn only the *visuals* of a lesson panel are shown (the data settings are set up by the step) docks that go on the left in Learn (everything else a step names goes right, large) default arrangement per workspace: area -&gt; groups (split along the area), each group a tab stack below this available height (px) a workspace uses its :data:`SHORT_LAYOUTS` entry: on a laptop two rows of panels on the right leave each too short to read, so they become one row of tabs at full height panels that get only their minimum height in a default layout (the palette shows every row at that size) default sizes as fractions of the window: left width, right width, bottom height the share of its column the first of two groups gets (default: half) the current workspace changed (its name) a lazily registered panel was built (its name)</extracomment>
            <translation>배우기</translation>
        </message>
        <message>
            <source>Build &amp;&amp; train</source>
            <translation>만들기 &amp;&amp; 학습</translation>
        </message>
        <message>
            <source>Inspect</source>
            <translation>살펴보기</translation>
        </message>
        <message>
            <source>The lesson, the canvas and only what the lesson step talks about, large</source>
            <translation>수업, 캔버스, 그리고 수업 단계가 다루는 것만 크게</translation>
        </message>
        <message>
            <source>Palette and data, canvas, inspector, the decision map and the loss curve</source>
            <translation>팔레트와 데이터, 캔버스, 속성 창, 결정 지도와 손실 곡선</translation>
        </message>
        <message>
            <source>Activations, backprop step, confusion matrix and runs</source>
            <translation>활성값, 역전파 단계, 혼동 행렬과 실행 기록</translation>
        </message>
        <message>
            <source>&amp;Reset Workspace</source>
            <translation>작업 공간 초기화(&amp;R)</translation>
        </message>
        <message>
            <source>Put the panels of this workspace back where they started</source>
            <translation>이 작업 공간의 패널을 처음 자리로 되돌립니다</translation>
        </message>
        <message>
            <source>Workspaces</source>
            <translation>작업 공간</translation>
        </message>
        <message>
            <source>&amp;Workspace</source>
            <translation>작업 공간(&amp;W)</translation>
        </message>
    </context>
</TS>
